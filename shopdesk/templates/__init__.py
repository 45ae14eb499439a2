"""Reply templates: the library (built-in files and their validation), the facts of an
order or case a template is filled with (context), and which replies fit a case's stage
first (suggest). Below the store, which keeps the seller's own templates and their use."""
