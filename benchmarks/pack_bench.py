"""Packaging N twelve-megapixel photos against the limit measured in the same run: just
decoding, scaling and encoding each photo once (what any packager must at least do).

    python benchmarks/pack_bench.py [--photos 50] [--limit 500000]

Prints a table. The photos are generated (seeded), written as 92-quality JPEGs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter  # noqa: E402

from shopdesk.evidence import qtenv  # noqa: E402
from shopdesk.evidence.fitting import encode, fit_image, load_image, scaled  # noqa: E402
from shopdesk.evidence.package import build_package, plan_package  # noqa: E402
from shopdesk.evidence.packmodel import CaseFacts, Exhibit, PackageRequest  # noqa: E402
from shopdesk.evidence.profiles import get_profile  # noqa: E402


def make_photo(seed: int, width: int = 4000, height: int = 3000) -> bytes:
    import random

    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, width, height)
    gradient.setColorAt(0, QColor(200, 120 + seed % 100, 40))
    gradient.setColorAt(1, QColor(20, 90, 200 - seed % 100))
    painter.fillRect(image.rect(), gradient)
    rnd = random.Random(seed)
    for _ in range(2500):
        painter.setPen(QColor(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
        painter.drawEllipse(
            rnd.randrange(width),
            rnd.randrange(height),
            rnd.randrange(5, 160),
            rnd.randrange(5, 160),
        )
    painter.fillRect(QRect(150, 250, 2600, 260), QColor("white"))
    painter.setPen(QColor("black"))
    painter.setFont(qtenv.font(120))
    painter.drawText(200, 440, f"快递单号 SF{seed:010d}")
    painter.end()
    return encode(image, "jpg", 92)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=50)
    parser.add_argument("--limit", type=int, default=500_000, help="bytes per image")
    args = parser.parse_args()
    qtenv.ensure_gui()
    work = Path(tempfile.mkdtemp(prefix="shopdesk-pack-bench-"))
    try:
        started = time.perf_counter()
        exhibits = []
        for i in range(args.photos):
            data = make_photo(i)
            path = work / f"photo{i:02d}.jpg"
            path.write_bytes(data)
            exhibits.append(
                Exhibit(
                    "photo",
                    path.name,
                    path,
                    hashlib.sha256(data).hexdigest(),
                    len(data),
                    "image/jpeg",
                    f"照片 {i + 1}",
                    f"2026-11-20T0{i % 10}:00:00Z",
                )
            )
        generated = time.perf_counter() - started
        total_in = sum(e.bytes for e in exhibits)
        profile = get_profile("taobao-refund")
        profile = type(profile)(**{**profile.__dict__, "max_bytes": args.limit})

        # the limit: decode (at reduced size, as the packager does), scale, encode once
        t0 = time.perf_counter()
        floor_bytes = 0
        for e in exhibits:
            image = load_image(e.path, profile.max_long_side)
            image = scaled(
                image, min(1.0, profile.max_long_side / max(image.width(), image.height()))
            )
            floor_bytes += len(encode(image, "jpg", 75))
        limit_s = time.perf_counter() - t0

        # the same decode without the reduced-size decode (full 12 MP, then scale)
        t0 = time.perf_counter()
        for e in exhibits[:10]:
            image = load_image(e.path)
            image = scaled(image, profile.max_long_side / max(image.width(), image.height()))
            encode(image, "jpg", 75)
        full_decode_s = (time.perf_counter() - t0) * len(exhibits) / min(10, len(exhibits))

        # fitting alone (quality ladder + downscale), no package
        t0 = time.perf_counter()
        fitted_bytes = 0
        for e in exhibits:
            fitted_bytes += fit_image(load_image(e.path, profile.max_long_side), args.limit).bytes
        fit_s = time.perf_counter() - t0

        # the whole package: plan (fit) + write uploads, originals, summary.pdf, manifest
        request = PackageRequest(
            CaseFacts(1, "3515313147329357", "演示店铺"),
            tuple(exhibits),
            "发货前已检测，物流显示已签收。",
            profile,
        )
        import shopdesk.evidence.package as package_module

        threads = package_module.fit_workers()
        package_module.fit_workers = lambda: 1
        t0 = time.perf_counter()
        plan_package(request)
        plan1_s = time.perf_counter() - t0
        package_module.fit_workers = lambda: threads
        t0 = time.perf_counter()
        plan = plan_package(request)
        plan_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        package = build_package(plan, work / "out")
        build_s = time.perf_counter() - t0
        package_bytes = sum(p.stat().st_size for p in package.rglob("*") if p.is_file())
        summary_bytes = (package / "summary.pdf").stat().st_size

        n = args.photos
        rows = [
            ("generate photos (not timed below)", generated, total_in),
            ("limit: decode+scale+encode once", limit_s, floor_bytes),
            ("  (full-size decode, extrapolated)", full_decode_s, None),
            ("fit only (ladder + downscale)", fit_s, fitted_bytes),
            ("package: plan, 1 thread", plan1_s, plan.upload_bytes),
            (f"package: plan, {threads} threads", plan_s, plan.upload_bytes),
            ("package: write folder", build_s, package_bytes),
            (f"package total ({threads} threads)", plan_s + build_s, None),
        ]
        print(
            f"{n} photos 4000x3000, JPEG q92, {total_in / n / 1e6:.1f} MB each; "
            f"limit {args.limit:,} bytes per image; {os.cpu_count()} CPUs"
        )
        print(f"{'step':38} {'seconds':>8} {'ms/photo':>9} {'bytes':>14}")
        for name, seconds, size in rows:
            print(
                f"{name:38} {seconds:8.2f} {seconds / n * 1000:9.0f} "
                f"{(f'{size:,}' if size is not None else ''):>14}"
            )
        print(
            f"package / limit: {(plan_s + build_s) / limit_s:.2f}x; "
            f"summary.pdf {summary_bytes:,} bytes; largest upload "
            f"{max(len(u.data) for u in plan.uploads):,} bytes"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
