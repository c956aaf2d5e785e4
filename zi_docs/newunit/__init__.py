"""A unit's first day: a blank workspace from its profile, the example unit, and rolling a
workspace into the next year."""
