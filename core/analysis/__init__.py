"""Pure answers to the questions the app asks of the data: doses, discrepancies, claims, verdicts, findings."""
