"""`shopdesk templates`: list the reply templates, fill one in for a case, import and
export the seller's own (CSV in Qianniu quick-phrase style, or JSON).

`render` exits 3 when the filled text still has gaps (facts the store does not have)."""

from __future__ import annotations

from argparse import Namespace

from shopdesk.commands.arguments import record_id
from shopdesk.commands.common import CommandError, emit, open_store, store_path
from shopdesk.domain.messages import Message, text
from shopdesk.domain.model import LANGUAGES
from shopdesk.domain.os_errors import reason
from shopdesk.services import template_io, templates
from shopdesk.services.safety import refuse_store_source, refuse_store_target
from shopdesk.services.templates import render_template, variable_label

EXIT_GAPS = 3


def register(subparsers, common) -> None:
    # The --lang of these sub-commands is a template's language (args.lang), not the
    # command line's (shopdesk --lang, args.cli_lang).
    group = subparsers.add_parser("templates", parents=[common], help=text("cli.help.templates"))
    commands = group.add_subparsers(dest="templates_command", required=True)
    listing = commands.add_parser("list", parents=[common], help=text("cli.help.templates_list"))
    listing.add_argument("--lang", choices=LANGUAGES, help=text("cli.help.templates_list_lang"))
    listing.set_defaults(run=run_list)
    render = commands.add_parser("render", parents=[common], help=text("cli.help.templates_render"))
    render.add_argument("template_id", metavar="ID", help=text("cli.help.template_id"))
    render.add_argument(
        "--case",
        type=record_id,
        required=True,
        metavar="CASE_ID",
        help=text("cli.help.template_case"),
    )
    render.add_argument(
        "--lang", choices=LANGUAGES, default="zh-CN", help=text("cli.help.template_lang")
    )
    render.set_defaults(run=run_render)
    importing = commands.add_parser(
        "import", parents=[common], help=text("cli.help.templates_import")
    )
    importing.add_argument("file", metavar="FILE", help=text("cli.help.templates_import_file"))
    importing.add_argument(
        "--lang", choices=LANGUAGES, default="zh-CN", help=text("cli.help.templates_import_lang")
    )
    importing.set_defaults(run=run_import)
    exporting = commands.add_parser(
        "export", parents=[common], help=text("cli.help.templates_export")
    )
    exporting.add_argument("file", metavar="FILE", help=text("cli.help.templates_export_file"))
    exporting.add_argument("--all", action="store_true", help=text("cli.help.templates_export_all"))
    exporting.set_defaults(run=run_export)


def run_list(args: Namespace) -> int:
    with open_store(args) as store:
        entries = []
        for template in templates.by_usage(store, templates.all_templates(store)):
            for language in LANGUAGES:
                if language not in template.texts or (args.lang and language != args.lang):
                    continue
                entries.append(
                    {
                        "id": template.id,
                        "language": language,
                        "title": template.texts[language].title,
                        "tags": template.tags(),
                        # the platforms whose words it speaks; [] = every platform
                        "platforms": list(template.platforms),
                        "builtin": template.builtin,
                        "limit_chars": template.limit_chars,
                        "limit_bytes": template.limit_bytes,
                    }
                )
        lines = [f"{e['id']}  {e['language']}  {e['title']}" for e in entries]
        emit(args, entries, "\n".join(lines) or text("cli.templates.none"))
    return 0


def run_render(args: Namespace) -> int:
    with open_store(args) as store:
        template = templates.get_template(store, args.template_id)
        values = templates.case_context(store, args.case, args.lang)
        rendered = render_template(template, values, args.lang)
        emit(
            args,
            {
                "id": template.id,
                "case": args.case,
                "language": args.lang,
                "text": rendered.text,
                "gaps": rendered.gaps,
            },
            rendered.text,
        )
        if rendered.gaps and not args.json:
            names = [
                Message("cli.templates.gap", name=variable_label(g), id=g) for g in rendered.gaps
            ]
            raise CommandError("cli.templates.gaps", EXIT_GAPS, gaps=names)
    return EXIT_GAPS if rendered.gaps else 0


def run_import(args: Namespace) -> int:
    path = refuse_store_source(args.file, store_path(args))
    found = template_io.load_file(path, language=args.lang)  # a bad file: the store untouched
    with open_store(args) as store:
        saved = templates.import_templates(store, found)
        emit(
            args,
            {"imported": len(saved), "ids": [t.id for t in saved]},
            text("cli.templates.imported", n=len(saved)),
        )
    return 0


def run_export(args: Namespace) -> int:
    path = refuse_store_target(args.file, store_path(args))
    if path.suffix.lower() not in (".csv", ".json"):
        raise CommandError("cli.templates.export_suffix", name=path.name)
    with open_store(args) as store:
        chosen = templates.all_templates(store) if args.all else templates.own_templates(store)
        try:
            template_io.save_file(path, chosen)
        except OSError as error:
            raise CommandError(
                "cli.templates.cannot_write", name=path.name, reason=reason(error)
            ) from None
        exported = text("cli.templates.exported", n=len(chosen))
        emit(args, {"exported": len(chosen), "file": str(path)}, exported)
    return 0
