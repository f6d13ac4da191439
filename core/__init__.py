"""Pure Python behind the pages (never imports streamlit): data, analysis, charts, views, workshop, text checker, room."""
