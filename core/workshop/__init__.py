"""Workshop material built from the data: exercises, the facilitator guide and the glossary."""
