"""Pure Python behind the pages, never importing streamlit: data, analysis, charts, views, workshop, checker, room."""
