"""Reads of the service, scoped to the viewer: requests, booking, messaging, figures."""
