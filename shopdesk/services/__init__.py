"""One function per seller action (the window and the command line call the same ones);
each returns the `Changes` it made (services/changes.py). Also the front ends' one door
to the layers below: each module lists what it hands out (services/door.py)."""
