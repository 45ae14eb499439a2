"""The paged table model and view the lists are built on, and searching them off the GUI thread."""
