"""Write samples/facts-expected.json: the facts rasoat should extract from 25 lines of
samples/bao-cao-sach.txt.

Lines are found by an anchor, so the numbers stay right if the report is edited; every
``text`` (and every part) must occur on its line, and ``value`` is parsed from ``text`` here
rather than typed by hand.

Conventions (also in samples/README.md):
- quantity: text is the number and its unit word as the grammar's UNIT reads it
  ("18.560 cán bộ", "12,6 tỷ đồng"); a number without a unit word is the number alone
  ("1.204") and inherits the unit of its whole. Money values are in đồng (12,6 tỷ = 1.26e10).
- percent: a share; ``whole`` is the text of the quantity or ratio it is a share of (it may
  stand on another line), or null.
- ratio: "a/b" plus a unit word if one follows; value null. Its rate is a percent whose whole
  is the ratio's text.
- total: text and value of the whole; ``parts`` the texts of the parts; ``relation`` is
  "partition" (parts add up to the whole) or "subset" (each part is at most the whole).
- delta: signed value ("giảm 21 đồng chí" -> -21); ``measure`` is count, percent (relative
  change), points (percentage points) or times ("gấp 1,5 lần"); ``base`` is what it is
  compared with, as written.
- target: text includes its verb ("đạt 104%", "vượt 12,6%"); ``basis`` as written.
- term, date, reference: value null; text as written.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent

SCALE = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}


def parse(text: str) -> int | float | None:
    m = re.search(r"\d[\d.]*(?:,\d+)?", text)
    if not m:
        return None
    v = Decimal(m.group().replace(".", "").replace(",", "."))
    for word, k in SCALE.items():
        if f" {word} đồng" in text:
            v *= k
    v = -v if text.startswith("giảm") else v
    return int(v) if v == v.to_integral_value() else float(v)


def fact(kind: str, text: str, unit: str | None = None, label: str = "", *,
         whole: str | None = None, parts: list[str] | None = None, value: object = "auto",
         **extra: object) -> dict:
    if value == "auto":
        value = None if kind in ("term", "date", "reference", "ratio") else parse(text)
    out = {"kind": kind, "text": text, "value": value, "unit": unit, "label": label,
           "whole": whole, "parts": parts}
    out.update(extra)
    return out


def Q(text: str, unit: str | None, label: str) -> dict:
    return fact("quantity", text, unit, label)


def P(text: str, label: str, whole: str | None) -> dict:
    return fact("percent", text, None, label, whole=whole)


def R(text: str, unit: str | None, label: str) -> dict:
    return fact("ratio", text, unit, label)


def T(text: str, unit: str | None, label: str, parts: list[str], relation: str) -> dict:
    return fact("total", text, unit, label, parts=parts, relation=relation)


def D(text: str, unit: str | None, label: str, measure: str, base: str | None) -> dict:
    return fact("delta", text, unit, label, measure=measure, base=base)


def G(text: str, label: str, basis: str) -> dict:
    v = parse(text)
    return fact("target", text, None, label, value=v, basis=basis)


def TERM(text: str) -> dict:
    return fact("term", text)


def DATE(text: str) -> dict:
    return fact("date", text)


def REF(text: str) -> dict:
    return fact("reference", text)


P_ = "person"
O_ = "organisation"
C_ = "class"
M_ = "dong"
W = "18.560 cán bộ"  # the whole of the staff shares, stated on the line "Toàn tỉnh hiện có"

LINES: list[tuple[str, list[dict]]] = [
    ("Hòa Thuận, ngày 15 tháng 11", [DATE("ngày 15 tháng 11 năm 2024")]),
    ("Căn cứ Chỉ thị số 35-CT/TW", [
        REF("Chỉ thị số 35-CT/TW"), DATE("14/6/2024"), REF("Kế hoạch số 128-KH/TU"),
        DATE("22/7/2024"), TERM("năm 2024")]),
    ("có 13 đảng bộ trực thuộc", [
        DATE("31/10/2024"),
        Q("13 đảng bộ", O_, "đảng bộ trực thuộc"),
        Q("07 đảng bộ", O_, "đảng bộ huyện"),
        Q("01 đảng bộ", O_, "đảng bộ thị xã"),
        Q("01 đảng bộ", O_, "đảng bộ thành phố"),
        Q("04 đảng bộ", O_, "đảng bộ khối, lực lượng vũ trang"),
        T("13 đảng bộ", O_, "đảng bộ trực thuộc",
          ["07 đảng bộ", "01 đảng bộ", "01 đảng bộ", "04 đảng bộ"], "partition"),
        Q("512 tổ chức cơ sở đảng", O_, "tổ chức cơ sở đảng"),
        Q("186 đảng bộ", O_, "đảng bộ cơ sở"),
        Q("326 chi bộ", O_, "chi bộ cơ sở"),
        T("512 tổ chức cơ sở đảng", O_, "tổ chức cơ sở đảng", ["186 đảng bộ", "326 chi bộ"],
          "partition")]),
    ("Toàn tỉnh hiện có 18.560", [
        Q("18.560 cán bộ", P_, "cán bộ, công chức, viên chức"),
        Q("9.874 người", P_, "nam"),
        Q("8.686 người", P_, "nữ"),
        T("18.560 cán bộ", P_, "cán bộ, công chức, viên chức", ["9.874 người", "8.686 người"],
          "partition"),
        Q("64 người", P_, "tiến sĩ"),
        Q("1.283 người", P_, "thạc sĩ"),
        Q("13.472 người", P_, "đại học"),
        Q("2.190 người", P_, "cao đẳng"),
        Q("1.551 người", P_, "trung cấp"),
        T("18.560 cán bộ", P_, "trình độ chuyên môn",
          ["64 người", "1.283 người", "13.472 người", "2.190 người", "1.551 người"],
          "partition")]),
    ("Về lý luận chính trị, có 2.836", [
        Q("2.836 người", P_, "trình độ cao cấp, cử nhân lý luận chính trị"),
        P("15,28%", "trình độ cao cấp, cử nhân lý luận chính trị", W),
        Q("8.412 người", P_, "trình độ trung cấp lý luận chính trị"),
        P("45,32%", "trình độ trung cấp lý luận chính trị", W)]),
    ("Cán bộ trẻ (dưới 40 tuổi)", [
        Q("8.947 người", P_, "cán bộ trẻ"), P("48,21%", "cán bộ trẻ", W),
        Q("8.686 người", P_, "cán bộ nữ"), P("46,80%", "cán bộ nữ", W),
        Q("1.215 người", P_, "cán bộ người dân tộc thiểu số"),
        P("6,55%", "cán bộ người dân tộc thiểu số", W)]),
    ("Số giữ chức vụ lãnh đạo", [
        Q("1.874 người", P_, "lãnh đạo, quản lý"),
        Q("436 người", P_, "trẻ"),
        Q("512 người", P_, "cán bộ nữ"),
        T("1.874 người", P_, "lãnh đạo, quản lý", ["436 người", "512 người"], "subset"),
        P("27,32%", "cán bộ nữ", "1.874 người")]),
    ("13/13 đảng bộ", [
        R("13/13 đảng bộ", O_, "đảng bộ trực thuộc ban hành kế hoạch chuẩn bị đại hội"),
        P("100%", "đảng bộ trực thuộc ban hành kế hoạch chuẩn bị đại hội", "13/13 đảng bộ")]),
    ("gồm 96 đồng chí", [
        TERM("nhiệm kỳ 2025 - 2030"),
        Q("96 đồng chí", P_, "quy hoạch ban chấp hành đảng bộ tỉnh"),
        D("giảm 21 đồng chí", P_, "quy hoạch ban chấp hành đảng bộ tỉnh", "count",
          "nhiệm kỳ 2020 - 2025"),
        TERM("nhiệm kỳ 2020 - 2025"),
        Q("19 đồng chí", P_, "nữ"), P("19,79%", "nữ", "96 đồng chí"),
        Q("14 đồng chí", P_, "cán bộ trẻ"), P("14,58%", "cán bộ trẻ", "96 đồng chí"),
        Q("6 đồng chí", P_, "người dân tộc thiểu số"),
        P("6,25%", "người dân tộc thiểu số", "96 đồng chí"),
        T("96 đồng chí", P_, "quy hoạch ban chấp hành đảng bộ tỉnh",
          ["19 đồng chí", "14 đồng chí", "6 đồng chí"], "subset")]),
    ("Quy hoạch Ban Thường vụ Tỉnh ủy 27", [
        Q("27 đồng chí", P_, "quy hoạch ban thường vụ tỉnh ủy"),
        D("giảm 4 đồng chí", P_, "quy hoạch ban thường vụ tỉnh ủy", "count",
          "nhiệm kỳ 2020 - 2025"),
        TERM("nhiệm kỳ 2020 - 2025"),
        Q("5 đồng chí", P_, "nữ"),
        T("27 đồng chí", P_, "quy hoạch ban thường vụ tỉnh ủy", ["5 đồng chí"], "subset"),
        P("18,52%", "nữ", "27 đồng chí"),
        Q("3 đồng chí", P_, "quy hoạch bí thư tỉnh ủy"),
        Q("7 đồng chí", P_, "quy hoạch phó bí thư tỉnh ủy")]),
    ("là 812 đồng chí", [
        Q("812 đồng chí", P_, "quy hoạch ban chấp hành đảng bộ cấp huyện"),
        D("tăng 36 đồng chí", P_, "quy hoạch ban chấp hành đảng bộ cấp huyện", "count",
          "nhiệm kỳ 2020 - 2025"),
        TERM("nhiệm kỳ 2020 - 2025")]),
    ("Trong tổng số 812", [
        Q("812 đồng chí", P_, "quy hoạch ban chấp hành đảng bộ cấp huyện"),
        Q("197 đồng chí", P_, "nữ"), P("24,26%", "nữ", "812 đồng chí"),
        Q("305 đồng chí", P_, "dưới 40 tuổi"), P("37,56%", "dưới 40 tuổi", "812 đồng chí"),
        Q("41 đồng chí", P_, "người dân tộc thiểu số"),
        P("5,05%", "người dân tộc thiểu số", "812 đồng chí"),
        T("812 đồng chí", P_, "quy hoạch ban chấp hành đảng bộ cấp huyện",
          ["197 đồng chí", "305 đồng chí", "41 đồng chí"], "subset")]),
    ("Cán bộ nữ trong quy hoạch cấp cơ sở", [
        Q("624 đồng chí", P_, "cán bộ nữ trong quy hoạch cấp cơ sở"),
        P("22,79%", "cán bộ nữ trong quy hoạch cấp cơ sở", "2.738 đồng chí"),
        D("tăng 2 điểm phần trăm", None, "cán bộ nữ trong quy hoạch cấp cơ sở", "points",
          "nhiệm kỳ 2020 - 2025"),
        TERM("nhiệm kỳ 2020 - 2025"),
        Q("1.391 đồng chí", P_, "cán bộ trẻ"),
        P("50,80%", "cán bộ trẻ", "2.738 đồng chí")]),
    ("- Cao cấp lý luận", [
        Q("06 lớp", C_, "cao cấp lý luận chính trị"),
        Q("468 học viên", P_, "cao cấp lý luận chính trị"),
        G("đạt 104%", "cao cấp lý luận chính trị", "kế hoạch năm"),
        Q("450 học viên", P_, "kế hoạch năm")]),
    ("- Trung cấp lý luận", [
        Q("38 lớp", C_, "trung cấp lý luận chính trị"),
        Q("2.657 học viên", P_, "trung cấp lý luận chính trị"),
        Q("1.204", P_, "nữ"), Q("1.388", P_, "trẻ"),
        T("2.657 học viên", P_, "trung cấp lý luận chính trị", ["1.204", "1.388"], "subset"),
        G("đạt 94,89%", "trung cấp lý luận chính trị", "kế hoạch"),
        Q("2.800 học viên", P_, "kế hoạch")]),
    ("ngạch chuyên viên: 14", [
        Q("14 lớp", C_, "bồi dưỡng quản lý nhà nước ngạch chuyên viên"),
        Q("1.126 học viên", P_, "bồi dưỡng quản lý nhà nước ngạch chuyên viên"),
        G("vượt 12,6%", "bồi dưỡng quản lý nhà nước ngạch chuyên viên", "kế hoạch"),
        Q("1.000 học viên", P_, "kế hoạch")]),
    ("sau đại học 214", [
        TERM("từ năm 2021 đến nay"),
        Q("214 đồng chí", P_, "đào tạo sau đại học"),
        Q("9", P_, "tiến sĩ"), Q("205", P_, "thạc sĩ"),
        T("214 đồng chí", P_, "đào tạo sau đại học", ["9", "205"], "partition"),
        G("đạt 85,60%", "đào tạo sau đại học", "chỉ tiêu Đề án"),
        Q("250 đồng chí", P_, "chỉ tiêu đề án"),
        Q("1.562 học viên", P_, "đào tạo cao cấp lý luận chính trị"),
        G("đạt 97,63%", "đào tạo cao cấp lý luận chính trị", "Đề án"),
        Q("1.600 học viên", P_, "đề án")]),
    ("Tổng kinh phí chi cho đào tạo", [
        TERM("năm 2024"),
        Q("12,6 tỷ đồng", M_, "kinh phí đào tạo, bồi dưỡng"),
        Q("9,8 tỷ đồng", M_, "ngân sách tỉnh"),
        Q("2,8 tỷ đồng", M_, "ngân sách cấp huyện"),
        T("12,6 tỷ đồng", M_, "kinh phí đào tạo, bồi dưỡng", ["9,8 tỷ đồng", "2,8 tỷ đồng"],
          "partition"),
        D("tăng 13,51%", None, "kinh phí đào tạo, bồi dưỡng", "percent", "năm 2023"),
        TERM("năm 2023"),
        Q("11,1 tỷ đồng", M_, "kinh phí đào tạo, bồi dưỡng năm 2023")]),
    ("8,9 tỷ đồng", [
        REF("Nghị quyết số 15/2023/NQ-HĐND"), DATE("08/12/2023"), TERM("năm 2024"),
        Q("8,9 tỷ đồng", M_, "hỗ trợ đào tạo sau đại học và thu hút nhân lực"),
        D("gấp 1,5 lần", None, "hỗ trợ đào tạo sau đại học và thu hút nhân lực", "times",
          "năm 2023"),
        TERM("năm 2023"),
        Q("5,9 tỷ đồng", M_, "hỗ trợ năm 2023"),
        Q("23 người", P_, "người có trình độ thạc sĩ trở lên được thu hút")]),
    ("xem xét 301", [
        TERM("Năm 2024"), REF("Quy định số 07-QĐi/TU"), DATE("14/3/2024"),
        Q("301 trường hợp", None, "trường hợp được xem xét"),
        Q("156 trường hợp", None, "bổ nhiệm mới"),
        Q("98 trường hợp", None, "bổ nhiệm lại"),
        Q("47 trường hợp", None, "giới thiệu cán bộ ứng cử"),
        T("301 trường hợp", None, "trường hợp được xem xét",
          ["156 trường hợp", "98 trường hợp", "47 trường hợp"], "partition")]),
    ("Chủ trương bố trí cán bộ", [
        R("9/9 đơn vị", O_, "bí thư cấp ủy cấp huyện không là người địa phương"),
        R("7/9 đơn vị", O_, "chủ tịch ủy ban nhân dân cấp huyện không là người địa phương"),
        R("61/92 xã", O_, "bí thư đảng ủy cấp xã không là người địa phương"),
        P("66,30%", "bí thư đảng ủy cấp xã không là người địa phương", "61/92 xã"),
        R("47/92 đơn vị", O_, "chủ tịch ủy ban nhân dân cấp xã không là người địa phương"),
        P("51,09%", "chủ tịch ủy ban nhân dân cấp xã không là người địa phương",
          "47/92 đơn vị")]),
    ("152.318/154.682", [
        TERM("Năm 2024"),
        Q("154.682 hồ sơ", None, "hồ sơ thủ tục hành chính tiếp nhận"),
        R("152.318/154.682 hồ sơ", None, "hồ sơ giải quyết đúng hạn"),
        P("98,47%", "hồ sơ giải quyết đúng hạn", "152.318/154.682 hồ sơ"),
        Q("2.364 hồ sơ", None, "hồ sơ quá hạn")]),
    ("1.204/1.876", [
        R("1.204/1.876", None, "thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình"),
        P("64,18%", "thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
          "1.204/1.876"),
        D("tăng 8,5 điểm phần trăm", None,
          "thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "points",
          "năm 2023"),
        TERM("năm 2023"),
        P("55,68%", "năm 2023", None)]),
    ("kết nạp 1.426", [
        REF("Chỉ thị số 14-CT/TU"), DATE("08/01/2022"),
        Q("10 tháng", None, ""), TERM("năm 2024"),
        Q("1.426 đảng viên", P_, "đảng viên kết nạp"),
        G("đạt 109,69%", "đảng viên kết nạp", "kế hoạch năm"),
        Q("1.300 đảng viên", P_, "kế hoạch năm"),
        D("tăng 5,2%", None, "đảng viên kết nạp", "percent", "cùng kỳ năm 2023"),
        TERM("năm 2023"),
        Q("1.355 đảng viên", P_, "cùng kỳ năm 2023")]),
    ("có 4.794", [
        Q("4.794 đồng chí", P_, "cấp ủy chi bộ"),
        Q("3.452 đồng chí", P_, "tái cử"), P("72,01%", "tái cử", "4.794 đồng chí"),
        Q("1.342 đồng chí", P_, "tham gia lần đầu"),
        P("27,99%", "tham gia lần đầu", "4.794 đồng chí"),
        T("4.794 đồng chí", P_, "cấp ủy chi bộ", ["3.452 đồng chí", "1.342 đồng chí"],
          "partition")]),
]


def main() -> None:
    lines = (SAMPLES / "bao-cao-sach.txt").read_text(encoding="utf-8").split("\n")
    out = []
    for anchor, facts in LINES:
        hits = [i + 1 for i, line in enumerate(lines) if anchor in line]
        assert len(hits) == 1, (anchor, hits)
        n = hits[0]
        for f in facts:
            assert f["text"] in lines[n - 1], (n, f["text"])
            for p in f["parts"] or []:
                assert p in lines[n - 1], (n, p)
        out.append({"line": n, "facts": facts})
    data = {
        "file": "bao-cao-sach.txt",
        "note": "Facts rasoat should extract from these lines (see samples/README.md for the "
                "conventions). 'label' is indicative: compare it loosely (normalised words).",
        "lines": out,
    }
    (SAMPLES / "facts-expected.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(out), "lines,", sum(len(e["facts"]) for e in out), "facts")


if __name__ == "__main__":
    main()
