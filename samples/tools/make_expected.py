"""Write the expected JSON of the term pair and of the short Markdown report.

The planted errors are listed here by a unique anchor of their line, so the line numbers in
the JSON always match the sample files.

    python3 samples/tools/make_expected.py
"""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent

# (anchor, category, severity, stated, expected, note)
NHIEM_KY_NAY = [
    ("39.544 đảng viên", "delta", "error", "tăng 8,06%", "tăng 8,60%",
     "39.544 against 36.412 members in 2015 - 2020 is a rise of 8,60% (3.132/36.412); "
     "the digits were swapped."),
    ("Trong số cấp ủy viên cơ sở", "delta", "error", "tăng 36 đồng chí", "tăng 63 đồng chí",
     "561 women against 498 in 2015 - 2020 is a rise of 63, not 36."),
    ("có 398", "delta", "error", "giảm 41 đồng chí", "giảm 14 đồng chí",
     "398 district committee members against 412 in 2015 - 2020 is a fall of 14, not 41."),
    ("trong cấp ủy cấp huyện có 49", "delta", "error", "tăng 9 đồng chí", "giảm 9 đồng chí",
     "49 young members against 58 in the previous term is a fall of 9, stated as a rise."),
    ("có 9 đồng chí nữ", "delta", "error", "tăng 3,52 điểm phần trăm",
     "tăng 3,25 điểm phần trăm",
     "16,98% against 13,73% in 2015 - 2020 is 3,25 percentage points, not 3,52."),
    ("Cán bộ trẻ dưới 40 tuổi 5", "delta", "error", "tăng 2 đồng chí", "tăng 1 đồng chí",
     "5 young members against 4 in 2015 - 2020 is a rise of 1, not 2."),
]
NHIEM_KY_CLEAN = ["521/521", "có 2.873", "có 72 đồng chí nữ", "gồm 53", "Người dân tộc thiểu số 4",
                  "bằng nhiệm kỳ 2015 - 2020"]

BAO_CAO_NGAN = [
    ("| **Tổng cộng**", "sum", "error", "632", "623",
     "The 'Trong đó nữ' column adds up to 623 (as the text above says), not 632."),
    ("| Huyện Tân Lợi", "percent", "error", "11,35", "11,53",
     "148 of the 1.284 total is 11,53%; the decimals were swapped."),
    ("nhiều nhất là", "footnote", "warning", "[^3]", None,
     "The footnote reference [^3] has no footnote definition."),
]
NGAN_CLEAN = ["kết nạp 1.284", "Tỷ lệ đảng viên nữ", "| Thành phố Hòa Thuận", "| Huyện Phú Điền",
              "[^2]: Trong đó"]


def line_of(lines: list[str], anchor: str) -> int:
    hits = [i + 1 for i, line in enumerate(lines) if anchor in line]
    assert len(hits) == 1, (anchor, hits)
    return hits[0]


def write(doc: str, errors: list[tuple], clean: list[str], extra: dict) -> None:
    lines = (SAMPLES / doc).read_text(encoding="utf-8").split("\n")
    out = []
    for anchor, cat, sev, stated, expected, note in errors:
        n = line_of(lines, anchor)
        assert stated is None or stated in lines[n - 1], (doc, n, stated)
        out.append({"line": n, "category": cat, "severity": sev, "stated": stated,
                    "expected": expected, "note": note})
    data = {"file": doc, **extra, "errors": sorted(out, key=lambda e: e["line"]),
            "clean_lines_with_claims": sorted(line_of(lines, a) for a in clean)}
    path = SAMPLES / (doc.rsplit(".", 1)[0] + ".expected.json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(path.name, len(out), "errors")


def main() -> None:
    write("nhiem-ky-nay.txt", NHIEM_KY_NAY, NHIEM_KY_CLEAN,
          {"baseline": "nhiem-ky-truoc.txt",
           "usage": "rasoat check samples/nhiem-ky-nay.txt --baseline samples/nhiem-ky-truoc.txt"})
    if (SAMPLES / "bao-cao-ngan.md").exists():
        write("bao-cao-ngan.md", BAO_CAO_NGAN, NGAN_CLEAN, {})


if __name__ == "__main__":
    main()
