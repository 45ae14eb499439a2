"""What the operating system says about a file, in the seller's words (an OSError's own
text is English, or whatever language the system happens to speak)."""

from __future__ import annotations

import errno

REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中的某一级是文件，不是文件夹",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENAMETOOLONG: "名称太长，文件系统不允许这么长的文件名",
    errno.ELOOP: "符号链接绕成了圈",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "所在的磁盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EINVAL: "名称无效",
    errno.ENXIO: "不是普通文件（设备或管道）",
    errno.EEXIST: "已经存在",
    errno.EBUSY: "正被其他程序使用",
    errno.EMFILE: "打开的文件太多",
    errno.EIO: "磁盘读写出错",
    errno.EXDEV: "不能跨磁盘移动",
    errno.ENOTEMPTY: "文件夹不是空的",
    getattr(errno, "EDQUOT", errno.ENOSPC): "磁盘配额已用完",
}


def reason(exc: OSError) -> str:
    """The reason of `exc` in Chinese (with its error number when it is a rare one)."""
    known = REASONS.get(exc.errno)
    if known:
        return known
    return f"系统错误（编号 {exc.errno}）" if exc.errno else "系统错误"
