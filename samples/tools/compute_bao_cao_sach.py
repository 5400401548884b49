"""The raw figures behind samples/bao-cao-sach.txt and every value derived from them.

Run it to print each derived figure as the report writes it (half-up, decimal comma):

    python3 samples/tools/compute_bao_cao_sach.py

The report's sentences were written from this output; check_samples.py re-checks the
written text against the same raw figures.
"""

from __future__ import annotations

from figures import change, group, share, times, trunc_share, vn, dec

# -- I. Tình hình chung ------------------------------------------------------------------
DANG_BO_TRUC_THUOC = {"huyện": 7, "thị xã": 1, "thành phố": 1, "khối, lực lượng vũ trang": 4}
TCCS = {"đảng bộ cơ sở": 186, "chi bộ cơ sở": 326}
DBCS = {"xã, phường, thị trấn": 92, "cơ quan, doanh nghiệp, lực lượng vũ trang": 94}
CBCS = {"cấp huyện": 241, "cấp tỉnh": 85}
CHI_BO_TRUC_THUOC = 1642
DANG_VIEN = 41836
CBCCVC = 18560
GIOI = {"nam": 9874, "nữ": 8686}
TRINH_DO = {"tiến sĩ": 64, "thạc sĩ": 1283, "đại học": 13472, "cao đẳng": 2190, "trung cấp": 1551}
LLCT = {"cao cấp, cử nhân": 2836, "trung cấp": 8412}
TRE = 8947
DTTS = 1215
LDQL = 1874
LDQL_SUB = {"trẻ": 436, "nữ": 512}

# -- 2.1 Quy hoạch 2025 - 2030 and the previous term (footnote) --------------------------
QH_TINH = {"tổng": 96, "nữ": 19, "trẻ": 14, "dân tộc": 6, "sau đại học": 58}
QH_BTV = {"tổng": 27, "nữ": 5, "bí thư": 3, "phó bí thư": 7}
QH_HUYEN = {"tổng": 812, "nữ": 197, "trẻ": 305, "dân tộc": 41}
QH_BTV_HUYEN = {"tổng": 248, "nữ": 52}
QH_CO_SO = {"tổng": 2738, "nữ": 624, "trẻ": 1391}
PREV = {"tỉnh": 117, "btv": 31, "huyện": 776, "cơ sở": 2905, "cơ sở nữ": 604}

# -- 2.2 Đào tạo, bồi dưỡng ----------------------------------------------------------------
LOP = {"cao cấp": (6, 468), "trung cấp": (38, 2657), "chuyên viên chính": (5, 312),
       "chuyên viên": (14, 1126)}
KE_HOACH = {"cao cấp": 450, "trung cấp": 2800, "chuyên viên": 1000}
TC_SUB = {"nữ": 1204, "trẻ": 1388}
SAU_DH = {"tổng": 214, "tiến sĩ": 9, "thạc sĩ": 205, "chỉ tiêu": 250}
CAO_CAP_LUY_KE = (1562, 1600)
KINH_PHI = {"tổng": "12.6", "tỉnh": "9.8", "huyện": "2.8", "2023": "11.1"}
THU_HUT = {"2024": "8.9", "2023": "5.9", "người": 23}

# -- 2.3 Luân chuyển, bổ nhiệm -----------------------------------------------------------
LUAN_CHUYEN = {"tổng": 34, "trẻ": 11, "nữ": 8}
LC_TINH = {"tổng": 9, "tỉnh về huyện": 6, "huyện về tỉnh": 3}
LC_HUYEN = {"tổng": 25, "huyện về xã": 18, "ngang": 7}
BO_NHIEM = {"tổng": 301, "bổ nhiệm": 156, "bổ nhiệm lại": 98, "giới thiệu": 47}
KHONG_DIA_PHUONG = {"bí thư huyện": (9, 9), "chủ tịch huyện": (7, 9), "bí thư xã": (61, 92),
                    "chủ tịch xã": (47, 92)}

# -- 2.4 Đánh giá cán bộ lãnh đạo, quản lý năm 2023 ---------------------------------------
DG_CB = {"xuất sắc": 356, "tốt": 1402, "hoàn thành": 104, "không hoàn thành": 12}

# -- 3. Bộ máy, biên chế, cải cách hành chính ----------------------------------------------
XA = {"sắp xếp": 17, "mới": 8, "trước": 101, "sau": 92}
BIEN_CHE_GIAO = 11312
TINH_GIAN = {"tổng": 612, "cán bộ, công chức": 203, "viên chức": 409, "nghỉ hưu trước tuổi": 148}
HO_SO = (152318, 154682)
DVC = (1204, 1876, "55.68")
PAR = ("87.12", "84.17")

# -- 4. Đảng viên ---------------------------------------------------------------------------
KET_NAP = {"tổng": 1426, "kế hoạch": 1300, "cùng kỳ": 1355, "nữ": 721, "đoàn viên": 1102,
           "dân tộc": 96, "có đạo": 38, "doanh nghiệp": 27}
DV_CUOI_2023 = 41068
DV_GIAM = {"tổng": 658, "từ trần": 412, "xóa tên, ra khỏi Đảng": 67, "chuyển đi": 179}
HUY_HIEU = {75: 12, 70: 28, 65: 61, 60: 143, 55: 346, 50: 611, 45: 587, 40: 376}
HUY_HIEU_TONG = 2164
DG_DV = {"tổng": 38537, "miễn": 2531, "xuất sắc": 5864, "tốt": 29806, "hoàn thành": 2701,
         "không hoàn thành": 166}
DG_TCCS = {"tổng": 512, "xuất sắc": 98, "tốt": 371, "hoàn thành": 39, "không hoàn thành": 4}
HOC_TAP = (38912, 39647)
HOC_TAP_HOI_NGHI = 326
DAI_HOI_CHI_BO = (1598, 1642)


def main() -> None:
    p = print
    p("== I")
    p("đảng bộ trực thuộc", sum(DANG_BO_TRUC_THUOC.values()))
    p("TCCS", sum(TCCS.values()), "ĐBCS", sum(DBCS.values()), "CBCS", sum(CBCS.values()))
    p("CBCCVC nam+nữ", group(sum(GIOI.values())), "trình độ", group(sum(TRINH_DO.values())))
    for k, v in LLCT.items():
        p("LLCT", k, group(v), share(v, CBCCVC))
    p("trẻ", group(TRE), share(TRE, CBCCVC), "nữ", share(GIOI["nữ"], CBCCVC),
      "DTTS", share(DTTS, CBCCVC))
    p("== 2.1")
    t = QH_TINH["tổng"]
    for k in ("nữ", "trẻ", "dân tộc", "sau đại học"):
        p("tỉnh", k, QH_TINH[k], share(QH_TINH[k], t))
    p("tỉnh delta", t - PREV["tỉnh"], "btv delta", QH_BTV["tổng"] - PREV["btv"])
    p("btv nữ", share(QH_BTV["nữ"], QH_BTV["tổng"]))
    t = QH_HUYEN["tổng"]
    for k in ("nữ", "trẻ", "dân tộc"):
        p("huyện", k, QH_HUYEN[k], share(QH_HUYEN[k], t))
    p("huyện delta", t - PREV["huyện"])
    p("btv huyện nữ", share(QH_BTV_HUYEN["nữ"], QH_BTV_HUYEN["tổng"]))
    t = QH_CO_SO["tổng"]
    for k in ("nữ", "trẻ"):
        p("cơ sở", k, QH_CO_SO[k], share(QH_CO_SO[k], t))
    p("cơ sở delta", t - PREV["cơ sở"], "prev nữ share", share(PREV["cơ sở nữ"], PREV["cơ sở"]))
    p("pp", vn(dec(share(QH_CO_SO["nữ"], t).replace(",", "."))
               - dec(share(PREV["cơ sở nữ"], PREV["cơ sở"]).replace(",", "."))))
    p("== 2.2")
    p("lớp", sum(a for a, _ in LOP.values()), "học viên", group(sum(b for _, b in LOP.values())))
    p("cao cấp đạt", share(LOP["cao cấp"][1], KE_HOACH["cao cấp"]))
    p("trung cấp đạt", share(LOP["trung cấp"][1], KE_HOACH["trung cấp"]))
    p("chuyên viên đạt", share(LOP["chuyên viên"][1], KE_HOACH["chuyên viên"]))
    p("sau ĐH", SAU_DH["tiến sĩ"] + SAU_DH["thạc sĩ"], share(SAU_DH["tổng"], SAU_DH["chỉ tiêu"]))
    p("cao cấp lũy kế", share(*CAO_CAP_LUY_KE), "trunc", trunc_share(*CAO_CAP_LUY_KE))
    p("kinh phí", vn(dec(KINH_PHI["tỉnh"]) + dec(KINH_PHI["huyện"]), 1),
      change(KINH_PHI["tổng"], KINH_PHI["2023"]))
    p("thu hút gấp", times(THU_HUT["2024"], THU_HUT["2023"]), "diff",
      vn(dec(THU_HUT["2024"]) - dec(THU_HUT["2023"]), 1))
    p("== 2.3")
    p("lc", LC_TINH["tổng"] + LC_HUYEN["tổng"], sum(list(LC_TINH.values())[1:]),
      sum(list(LC_HUYEN.values())[1:]))
    p("bổ nhiệm", sum(list(BO_NHIEM.values())[1:]))
    for k, (a, b) in KHONG_DIA_PHUONG.items():
        p(k, f"{a}/{b}", share(a, b))
    p("== 2.4")
    tot = sum(DG_CB.values())
    p("ĐG CB", group(tot), [share(v, tot) for v in DG_CB.values()])
    p("== 3")
    p("xã", XA["sắp xếp"] - XA["mới"], XA["trước"] - XA["sau"])
    p("tinh giản", TINH_GIAN["cán bộ, công chức"] + TINH_GIAN["viên chức"],
      share(TINH_GIAN["tổng"], BIEN_CHE_GIAO), "hưu", share(TINH_GIAN["nghỉ hưu trước tuổi"],
                                                           TINH_GIAN["tổng"]))
    p("hồ sơ", share(*HO_SO), "quá hạn", group(HO_SO[1] - HO_SO[0]))
    p("DVC", share(DVC[0], DVC[1]), "pp", vn(dec(share(DVC[0], DVC[1]).replace(",", "."))
                                              - dec(DVC[2]), 2))
    p("PAR", change(*PAR), vn(dec(PAR[0]) - dec(PAR[1])))
    p("== 4")
    k = KET_NAP
    p("kết nạp đạt", share(k["tổng"], k["kế hoạch"]), "tăng", change(k["tổng"], k["cùng kỳ"], 2))
    for key in ("nữ", "đoàn viên", "dân tộc", "có đạo", "doanh nghiệp"):
        p(" ", key, k[key], share(k[key], k["tổng"]))
    p("đv delta", DANG_VIEN - DV_CUOI_2023, "giảm", sum(list(DV_GIAM.values())[1:]),
      "net", k["tổng"] - DV_GIAM["tổng"])
    p("huy hiệu", sum(HUY_HIEU.values()))
    d = DG_DV
    p("ĐG ĐV", d["tổng"] + d["miễn"], sum(d[x] for x in ("xuất sắc", "tốt", "hoàn thành",
                                                         "không hoàn thành")))
    for x in ("xuất sắc", "tốt", "hoàn thành", "không hoàn thành"):
        p(" ", x, group(d[x]), share(d[x], d["tổng"]))
    d = DG_TCCS
    p("TCCS", sum(v for kk, v in d.items() if kk != "tổng"))
    for x in ("xuất sắc", "tốt", "hoàn thành", "không hoàn thành"):
        p(" ", x, d[x], share(d[x], d["tổng"]))
    p("học tập", share(*HOC_TAP), "vắng", HOC_TAP[1] - HOC_TAP[0])
    p("đại hội chi bộ", share(*DAI_HOI_CHI_BO), "còn", DAI_HOI_CHI_BO[1] - DAI_HOI_CHI_BO[0])


if __name__ == "__main__":
    main()
