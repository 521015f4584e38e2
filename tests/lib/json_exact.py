"""JSON compared as specc means it: numbers by exact value (Decimal, int),
true never equal to 1, null never equal to absent, keys in any order.
Shared by the Python test scripts (tests/infer/, tests/import/)."""
import decimal
import json


def load_exact(text):
    """JSON text to Python values, numbers kept exact."""
    return json.loads(text, parse_float=decimal.Decimal, parse_int=int)


def same(a, b):
    """Are two values from load_exact the same JSON value?"""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if a is None or b is None:
        return a is b
    num = (int, decimal.Decimal)
    if isinstance(a, num) or isinstance(b, num):
        return isinstance(a, num) and isinstance(b, num) and decimal.Decimal(a) == decimal.Decimal(b)
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
