"""The Lark grammars (data): numbers and statistical sentences."""
