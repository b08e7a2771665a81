"""Forms of the service pages."""
