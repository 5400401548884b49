"""Build samples/bao-cao-loi.txt and its expected JSON from samples/bao-cao-sach.txt.

Each planted error is one edit of one line of the clean report: the line is found by a
unique piece of its text (anchor), ``old`` is replaced by ``new`` once, and the error is
recorded with the line number that results. The two reports therefore have the same lines,
and every difference between them is a planted error.

    python3 samples/tools/make_loi.py
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Plant:
    anchor: str
    old: str
    new: str
    category: str
    severity: str
    stated: str | None
    expected: str | None
    note: str


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


PLANTS = [
    Plant("có 13 đảng bộ trực thuộc", "04 đảng bộ khối", "05 đảng bộ khối", "sum", "error",
          "13", "14",
          "The listed party committees 07 + 01 + 01 + 05 add up to 14, not the stated 13."),
    Plant("Cán bộ trẻ (dưới 40 tuổi)", "chiếm 48,21%", "chiếm 48,12%", "percent", "error",
          "48,12%", "48,21%",
          "8.947 of 18.560 officials is 48,21%; the decimals were swapped."),
    Plant("Số giữ chức vụ lãnh đạo", "(trẻ 436 người)", "(trẻ 1.936 người)", "sum", "error",
          "1.936", None,
          "The subset of young leaders (1.936) is larger than the 1.874 leaders it belongs to."),
    Plant("Ngay từ đầu năm", "sửa đổi, bổ sung", "sửa đổi,bổ sung", "format", "warning",
          "đổi,bổ", None, "A comma is not followed by a space."),
    Plant("bao gồm 4 văn bản", "bao gồm 4 văn bản", "bao gồm 5 văn bản", "count", "error",
          "5 văn bản", "4 văn bản",
          "Five documents are announced but only items (1) to (4) follow."),
    Plant("Các huyện ủy, thị ủy, thành ủy và", "Các huyện ủy", "Các huyện uỷ", "typo", "info",
          "uỷ", "ủy",
          "'uỷ' uses the new tone placement while the document writes 'ủy' everywhere else."),
    Plant("có 58 đồng chí", "chiếm 60,42%", "chiếm 49,57%", "percent", "error",
          "49,57%", "60,42%",
          "58 of the 96 planned members is 60,42%; 49,57% is 58 of the previous term's 117."),
    Plant("Quy hoạch Ban Thường vụ Tỉnh ủy 27", "giảm 4 đồng chí", "giảm 6 đồng chí", "delta",
          "error", "giảm 6 đồng chí", "giảm 4 đồng chí",
          "27 against the previous term's 31 (footnote) is a fall of 4, not 6."),
    Plant("là 812 đồng chí", "tăng 36 đồng chí", "tăng 63 đồng chí", "delta", "error",
          "tăng 63 đồng chí", "tăng 36 đồng chí",
          "A rise of 63 implies 749 in the previous term, but the footnote states 776."),
    Plant("được 2.738 đồng chí", "so với nhiệm kỳ 2020 - 2025", "so với nhiệm kỳ 2015 - 2020",
          "delta", "warning", "nhiệm kỳ 2015 - 2020", "nhiệm kỳ 2020 - 2025",
          "Every sibling planning figure is compared with the 2020 - 2025 term; this one "
          "names 2015 - 2020."),
    Plant("ngạch chuyên viên: 14", "vượt 12,6%", "vượt 112,6%", "target", "error",
          "vượt 112,6%", "vượt 12,6%",
          "1.126 against a plan of 1.000 exceeds it by 12,6% (achieves 112,6%)."),
    Plant("Tổng kinh phí chi cho đào tạo", "cấp huyện 2,8 tỷ", "cấp huyện 3,8 tỷ", "sum",
          "error", "12,6 tỷ đồng", "13,6 tỷ đồng",
          "9,8 + 3,8 billion đồng is 13,6 billion, not the stated total of 12,6."),
    Plant("8,9 tỷ đồng", "Nghị quyết số 15/2023/NQ-HĐND", "Nghị quyết số 15/2022/NQ-HĐND",
          "reference", "error", "15/2022/NQ-HĐND", None,
          "The State legal document numbered for 2022 is dated 08/12/2023."),
    Plant("Thực hiện Kế hoạch số 41-KH/TU", "Kế hoạch số 41-KH/TU", "Kế hoạch số 41-QĐ/TU",
          "reference", "error", "41-QĐ/TU", "41-KH/TU",
          "A 'Kế hoạch' carries the letters KH, not QĐ."),
    Plant("xem xét 301", "bổ nhiệm lại 98", "bổ nhiệm lại 89", "sum", "error", "301", "292",
          "156 + 89 + 47 = 292 cases, not the stated 301."),
    Plant("Công tác đánh giá được thực hiện", "chặt chẽ", "chặc chẽ", "typo", "warning",
          "chặc chẽ", "chặt chẽ", "Misspelling of 'chặt chẽ' (wrong final consonant)."),
    Plant("120 lượt cán bộ", "nghỉ dưỡng", "nghĩ dưỡng", "typo", "warning", "nghĩ dưỡng",
          "nghỉ dưỡng", "Misspelling of 'nghỉ dưỡng' (wrong tone: 'nghĩ' means 'think')."),
    Plant("Thực hiện Kết luận số 28-KL/TW", "28-KL/TW", "28-KLTW", "reference", "warning",
          "28-KLTW", "28-KL/TW", "The Party document code lacks the slash between KL and TW."),
    Plant("có 148 người", "ngày 03/6/2023", "ngày 31/4/2023", "date", "error", "31/4/2023",
          None, "April has 30 days: 31/4/2023 is not a date."),
    Plant("Quyết định số 06/2024/QĐ-UBND", "chủ động thực hiện", "chủ động chủ động thực hiện",
          "typo", "warning", "chủ động chủ động", "chủ động", "The word 'chủ động' is doubled."),
    Plant("152.318/154.682", "98,47%", "98,74%", "ratio", "error", "98,74%", "98,47%",
          "152.318/154.682 = 98,47%; the decimals were swapped."),
    Plant("1.204/1.876", "tăng 8,5 điểm phần trăm", "tăng 5,8 điểm phần trăm", "delta",
          "error", "tăng 5,8 điểm phần trăm", "tăng 8,5 điểm phần trăm",
          "64,18% against 55,68% in 2023 is a rise of 8,5 percentage points."),
    Plant("kết nạp 1.426", "109,69%", "109,96%", "target", "error", "109,96%", "109,69%",
          "1.426 of a plan of 1.300 is 109,69%."),
    Plant("721 đồng chí nữ", "77,28%", "77,27%", "percent", "info", "77,27%", "77,28%",
          "1.102/1.426 = 77,279…%: 77,27% is truncated where the document rounds."),
    Plant("tổng số đảng viên toàn Đảng bộ là 41.836", "là 41.836", "là 41836", "format", "info",
          "41836", "41.836",
          "The number lacks its thousands dot; the same number is written 41.836 elsewhere."),
    Plant("(không tính 2.531", "sức khỏe yếu).", "sức khỏe yếu.", "format", "warning",
          "(không tính", None, "The parenthesis opened before 'không tính' is never closed."),
    Plant("Kết quả: hoàn thành xuất sắc", "15,22%", "15,21%", "percent", "info", "15,21%",
          "15,22%",
          "5.864/38.537 = 15,216…%: 15,21% is truncated where the document rounds."),
    Plant("11/13", "84,62%", "85,62%", "ratio", "error", "85,62%", "84,62%",
          "11/13 = 84,62%, not 85,62%."),
    Plant("Đào tạo trung cấp lý luận chính trị chưa", "lý luận chính trị", nfd("lý luận chính trị"),
          "format", "warning", nfd("lý luận chính trị"), "lý luận chính trị",
          "Three words are written with decomposed (NFD) letters amid composed (NFC) text."),
    Plant("ảnh hưởng đến tiến độ đề bạt", "đề bạt", "đề bạc", "typo", "warning", "đề bạc",
          "đề bạt", "Misspelling of 'đề bạt' (wrong final consonant)."),
    Plant("(1) Lãnh đạo tổ chức thành công", "35-CT/TW ngày", "35-CT/TWngày", "format",
          "warning", "35-CT/TWngày", "35-CT/TW ngày",
          "The word 'ngày' is glued to the document code."),
    Plant("rèn luyện cán bộ qua thực tiễn", "thực tiễn", "thực tiển", "typo", "warning",
          "thực tiển", "thực tiễn", "Misspelling of 'thực tiễn' (wrong tone)."),
    Plant("(3) Thực hiện nghiêm Quy định số 148", "07-QĐi/TU ngày 14/3/2024",
          "07-QĐi/TU ngày 14/5/2024", "reference", "error", "14/5/2024", "14/3/2024",
          "Quy định số 07-QĐi/TU is dated 14/3/2024 where it is first cited."),
    Plant("Trên đây là báo cáo", "Tỉnh ủy Hòa Thuận", "Tỉnh uỷ Hoà Thuận", "typo", "info",
          "Hoà", "Hòa",
          "'uỷ' and 'Hoà' use the new tone placement; the document writes 'ủy', 'Hòa'."),
    Plant("tăng 1.426 đồng chí do kết nạp", "tăng 1.426 đồng chí", "tăng 1.462 đồng chí", "xref",
          "error", "1.462", "1.426",
          "The footnote restates the 1.426 new members of the body as 1.462."),
]

CLEAN_ANCHORS = [
    "Toàn tỉnh hiện có 18.560",
    "Về lý luận chính trị, có 2.836",
    "Trong tổng số 186 đảng bộ",
    "gồm 96 đồng chí",
    "Trong tổng số 812",
    "cấp huyện 248",
    "Cán bộ nữ trong quy hoạch cấp cơ sở",
    "- Trung cấp lý luận",
    "sau đại học 214",
    "Chủ trương bố trí cán bộ",
    "Quy định số 124-QĐ/TW",
    "1.598/1.642",
    "Về tổ chức cơ sở đảng",
    "38.912/39.647 cán",
    "có 4.794",
    "Đầu nhiệm kỳ 2020 - 2025, quy hoạch",
]


def main() -> None:
    sach = (SAMPLES / "bao-cao-sach.txt").read_text(encoding="utf-8").split("\n")
    loi = list(sach)
    errors = []
    for p in PLANTS:
        hits = [i for i, line in enumerate(sach) if p.anchor in line]
        assert len(hits) == 1, (p.anchor, hits)
        i = hits[0]
        assert loi[i].count(p.old) == 1, (p.anchor, p.old)
        assert loi[i] == sach[i], f"two plants on line {i + 1}"
        loi[i] = loi[i].replace(p.old, p.new)
        if p.stated is not None:
            assert p.stated in loi[i], (p.stated, i + 1)
        errors.append({"line": i + 1, "category": p.category, "severity": p.severity,
                       "stated": p.stated, "expected": p.expected, "note": p.note})
    clean = []
    for a in CLEAN_ANCHORS:
        hits = [i + 1 for i, line in enumerate(sach) if a in line]
        assert len(hits) == 1, a
        clean.append(hits[0])
    errors.sort(key=lambda e: e["line"])
    (SAMPLES / "bao-cao-loi.txt").write_text("\n".join(loi), encoding="utf-8")
    data = {
        "file": "bao-cao-loi.txt",
        "clean_twin": "bao-cao-sach.txt",
        "convention": {"rounding": "half-up", "tone_style": "old (hòa, ủy)",
                       "numbers": "thousands dot, decimal comma"},
        "errors": errors,
        "clean_lines_with_claims": sorted(clean),
    }
    (SAMPLES / "bao-cao-loi.expected.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(errors)} planted errors")


if __name__ == "__main__":
    main()
