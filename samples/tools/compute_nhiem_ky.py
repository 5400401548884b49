"""Figures of the term pair samples/nhiem-ky-truoc.txt (2015 - 2020) and nhiem-ky-nay.txt
(2020 - 2025): shares within each report and the differences the current report should state.

    python3 samples/tools/compute_nhiem_ky.py
"""

from __future__ import annotations

from figures import change, dec, group, share, vn

TRUOC = {
    "bch": 51, "bch nữ": 7, "bch trẻ": 4, "bch dân tộc": 3, "bch sau đại học": 22,
    "btv": 15, "btv nữ": 2, "ubkt": 9,
    "huyện": 412, "huyện nữ": 61, "huyện trẻ": 58,
    "cơ sở": 2964, "cơ sở nữ": 498, "cơ sở trẻ": 731,
    "đại biểu": 350, "đảng viên": 36412, "tccs": 538,
}
NAY = {
    "bch": 53, "bch nữ": 9, "bch trẻ": 5, "bch dân tộc": 4, "bch sau đại học": 31,
    "btv": 15, "btv nữ": 3, "ubkt": 9,
    "huyện": 398, "huyện nữ": 72, "huyện trẻ": 49,
    "cơ sở": 2873, "cơ sở nữ": 561, "cơ sở trẻ": 702,
    "đại biểu": 350, "đảng viên": 39544, "tccs": 521,
}
WHOLE = {"bch": "bch", "btv": "btv", "huyện": "huyện", "cơ sở": "cơ sở"}


def main() -> None:
    for name, d in (("2015 - 2020", TRUOC), ("2020 - 2025", NAY)):
        print("==", name)
        for k, v in d.items():
            base = k.split(" ")[0] if k.split(" ")[0] in WHOLE else None
            if k.startswith("cơ sở "):
                base = "cơ sở"
            if base and k != base:
                print(f"  {k}: {group(v)} = {share(v, d[base])}% of {group(d[base])}")
    print("== differences (nay - trước)")
    for k in NAY:
        print(f"  {k}: {NAY[k] - TRUOC[k]:+d}")
    print("  đảng viên relative:", change(NAY["đảng viên"], TRUOC["đảng viên"]), "%")
    for k, w in (("bch nữ", "bch"), ("cơ sở nữ", "cơ sở"), ("huyện nữ", "huyện")):
        a = dec(share(NAY[k], NAY[w]).replace(",", "."))
        b = dec(share(TRUOC[k], TRUOC[w]).replace(",", "."))
        print(f"  {k} points: {vn(a - b)}")


if __name__ == "__main__":
    main()
