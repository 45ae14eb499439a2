"""`shopdesk.core.case_states` as it was: the shared flow (shopdesk.domain.case_states)
and the platform's steps (shopdesk.platforms.case_flow) under one name."""

from shopdesk.domain.case_states import *  # noqa: F403
from shopdesk.domain.case_states import (  # noqa: F401
    RETURN_KINDS,
    SHARED_NEXT,
    TERMINAL,
    effective_events,
)
from shopdesk.platforms.case_flow import (  # noqa: F401
    allowed_events,
    check_move,
    next_steps,
    state_word,
    step_word,
)
