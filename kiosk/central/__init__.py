"""The central sync service (``kiosk central serve``): the only way a networked kiosk reaches
the central store. Device tokens, the central rules at the edge, each kiosk's share of the feed."""
