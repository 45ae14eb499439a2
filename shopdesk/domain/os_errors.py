"""What the operating system says about a file, in the seller's words (an OSError's own
text is English, or whatever language the system happens to speak)."""

from __future__ import annotations

import errno

from shopdesk.domain.messages import Message

REASONS = {
    errno.ENOENT: Message("os.enoent"),
    errno.ENOTDIR: Message("os.enotdir"),
    errno.EISDIR: Message("os.eisdir"),
    errno.ENAMETOOLONG: Message("os.enametoolong"),
    errno.ELOOP: Message("os.eloop"),
    errno.EACCES: Message("os.eacces"),
    errno.EPERM: Message("os.eacces"),
    errno.EROFS: Message("os.erofs"),
    errno.ENOSPC: Message("os.enospc"),
    errno.EINVAL: Message("os.einval"),
    errno.ENXIO: Message("os.enxio"),
    errno.EEXIST: Message("os.eexist"),
    errno.EBUSY: Message("os.ebusy"),
    errno.EMFILE: Message("os.emfile"),
    errno.EIO: Message("os.eio"),
    errno.EXDEV: Message("os.exdev"),
    errno.ENOTEMPTY: Message("os.enotempty"),
    getattr(errno, "EDQUOT", errno.ENOSPC): Message("os.edquot"),
}


def reason(exc: OSError) -> Message:
    """The reason of `exc` in the seller's words (with its error number when it is a rare one)."""
    known = REASONS.get(exc.errno)
    if known:
        return known
    return Message("os.numbered", errno=exc.errno) if exc.errno else Message("os.other")
