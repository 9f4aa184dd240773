"""Turns a wire-service text into an article and its attributed statements.

Plain Python with no Django import: text in, frozen dataclasses out.
"""
