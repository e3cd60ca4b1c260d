"""The expected answers, computed in plain Python from the rows that were written.

Independent of nlsheet: nothing here imports it, reads a workbook back, or reuses its parsing.
"""
