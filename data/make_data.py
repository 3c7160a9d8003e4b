#!/usr/bin/python3
"""Regenerates the CSV files in this folder from scikit-learn's bundled copies of three UCI data sets.

Run with Debian's python (scikit-learn 1.2 is installed there):

    /usr/bin/python3 data/make_data.py

Output (invariant culture, '.' decimal separator, header row, label in the last column):
    digits.csv  1797 rows: p0..p63 (integer pixel counts 0..16), label (0..9)
    wine.csv     178 rows: 13 chemical measurements with their UCI names, label (0..2)
    iris.csv     150 rows: 4 measurements in cm, label (0..2)

The C# loaders (src/NormDecay/Data/Datasets.cs) read these files; tests never run Python.
"""
import csv
import os

from sklearn.datasets import load_digits, load_iris, load_wine

HERE = os.path.dirname(os.path.abspath(__file__))


def fmt(value, integer):
    if integer:
        iv = int(value)
        assert iv == value, value
        return str(iv)
    # repr gives the shortest string that round-trips the double exactly
    return repr(float(value))


def write(name, bunch, feature_names, integer):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(list(feature_names) + ["label"])
        for row, label in zip(bunch.data, bunch.target):
            w.writerow([fmt(v, integer) for v in row] + [str(int(label))])
    print(f"{name}: {len(bunch.target)} rows, {len(feature_names)} features")


def main():
    digits = load_digits()
    write("digits.csv", digits, [f"p{i}" for i in range(64)], integer=True)

    wine = load_wine()
    write("wine.csv", wine, wine.feature_names, integer=False)

    iris = load_iris()
    # sklearn names are 'sepal length (cm)' etc.; use plain snake_case without spaces or parentheses
    iris_names = [n.replace(" (cm)", "_cm").replace(" ", "_") for n in iris.feature_names]
    write("iris.csv", iris, iris_names, integer=False)


if __name__ == "__main__":
    main()
