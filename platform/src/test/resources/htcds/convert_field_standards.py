#!/usr/bin/env python3
"""Converts sheet Field_Standards of HTCDS_Field_Standards_2.0.ods into htcds-v2.0-field-standards.tsv.

Usage: python3 convert_field_standards.py ../../../../../../shared/data/htcds/HTCDS_Field_Standards_2.0.ods > htcds-v2.0-field-standards.tsv
Standard library only (the .ods is a zip holding content.xml). Cells are copied unchanged; a cell of several
paragraphs (the picklist value names) is written with its paragraphs separated by one space.
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def rows(path):
    with zipfile.ZipFile(path) as ods:
        root = ET.fromstring(ods.read("content.xml"))
    for table in root.iter(TABLE + "table"):
        if table.get(TABLE + "name") != "Field_Standards":
            continue
        for row in table.iter(TABLE + "table-row"):
            cells = []
            for cell in row.findall(TABLE + "table-cell"):
                repeated = min(int(cell.get(TABLE + "number-columns-repeated", "1")), 20)
                text = " ".join("".join(p.itertext()).strip() for p in cell.findall(TEXT + "p")).strip()
                cells += [text] * repeated
            yield cells


def main(path):
    print("# HTCDS v2.0 field standards, the test oracle of the HTCDS export (HtcdsExportTests).")
    print("# Converted by convert_field_standards.py (in this folder) from HTCDS_Field_Standards_2.0.ods, sheet")
    print("# Field_Standards, repository UNMigration/HTCDS at commit 3c2f6537cd76c3305975aa5eef7a1bf26fe20a30")
    print("# (24 January 2023); a copy is in the shared data folder (htcds/). HTCDS by IOM is licensed under CC BY 4.0")
    print("# (http://creativecommons.org/licenses/by/4.0/); use of it does not suggest that IOM endorses OpenNRM.")
    print("# One line per field of the sheet, tab-separated, cells unchanged: Status, Core, Field Name including Prefix,")
    print("# Field Type, Value Names (if picklist) separated by spaces. Section headings and the sheet's example")
    print("# questions (no field name) are left out.")
    header = None
    for cells in rows(path):
        if header is None:
            header = cells
            continue
        record = dict(zip(header, cells))
        name = record.get("Field Name including Prefix", "")
        if not name or name == "N/A":
            continue
        print("\t".join(record.get(column, "") for column in
                        ("Status", "Core", "Field Name including Prefix", "Field Type", "Value Names (if picklist)")))


if __name__ == "__main__":
    main(sys.argv[1])
