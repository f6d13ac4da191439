"""Chart builders (a DataFrame in, an alt.Chart out), the one theme and palette, and image export."""
