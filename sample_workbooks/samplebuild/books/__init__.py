"""The sample workbooks: one module per group, each making the data and writing the .xlsx.

A builder takes a seeded ``random.Random`` and returns the ``Book`` (its tables and README
paragraph) and the openpyxl ``Workbook`` to save.
"""
