"""The coefficient table of the paraphrase probability (`research.reuse.paraphrase`).

Written by `python benchmarks/fit_paraphrase.py <data> --write`: features all features, C = 10,
changed-figure copies weighted 0.25; fitted on the choose half of MSRP train.
"""

PARAPHRASE_MODEL = {
    'means': [0.66876814, 0.51769245, 0.53116453, 0.63226406, 0.73731705, 0.85048321, 0.58160763, 0.68622817, 0.34012215, 0.25186643, 0.47924224, 0.52626317, 0.61713118, 0.74082678, 3.2933822, 2.536657, 0.30695652, 0.19565217, 0.1028182, 0.34043085, 0.16173913, 0.55779895, 0.035217391],
    'scales': [0.16964393, 0.16161576, 0.16502778, 0.14404092, 0.1511185, 0.10109198, 0.14701023, 0.16112811, 0.17658322, 0.17799047, 0.16534943, 0.18818603, 0.16966405, 0.17563137, 0.61760761, 1.0107284, 0.4612312, 0.3967019, 0.21909793, 0.55391986, 0.36821133, 0.61036416, 0.18432885],
    'coefficients': {'score': 0.448331, 'word_jaccard': 0.179564, 'stem_jaccard': 0.483882, 'containment_min': -0.295678, 'containment_max': -0.08132, 'length_ratio': -0.521659, 'lcs_min': 2.750501, 'lcs_max': -1.581865, 'bigram_jaccard': -0.118777, 'trigram_jaccard': -0.838818, 'char4_jaccard': 0.431818, 'idf_jaccard': 0.018042, 'idf_containment_min': -0.744027, 'idf_containment_max': 0.320315, 'unmatched_idf_max': -0.731448, 'unmatched_idf_min': 0.144359, 'numbers_differ': -0.221333, 'numbers_conflict': 1.005448, 'numbers_conflict_x_lcs': -1.605426, 'numbers_unmatched': 0.131399, 'calendar_differ': -0.040691, 'names_unmatched': 0.096675, 'negation_differ': -0.22865},
    'intercept': 0.939354,
}
