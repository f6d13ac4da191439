"""The baseline for rerun timing: a page that draws a title and nothing else."""

import streamlit as st

st.title("Bare page")
