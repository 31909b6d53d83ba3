"""The coefficient table of the paraphrase probability (`research.reuse.paraphrase`).

Written by `python benchmarks/fit_paraphrase.py <data> --write`: features all features, C = 1,
changed-figure copies weighted 0.25; fitted on the choose half of MSRP train.
"""

PARAPHRASE_MODEL = {
    'means': [0.66877923, 0.5173736, 0.53093815, 0.63216352, 0.7369955, 0.85079396, 0.58144469, 0.68580442, 0.33977375, 0.25138313, 0.47903003, 0.52624835, 0.61725139, 0.74069092, 3.2924289, 2.5371142, 0.31043478, 0.20043478, 0.10512959, 0.34452736, 0.16130435, 0.55897636, 0.035217391],
    'scales': [0.16941227, 0.16155903, 0.16500225, 0.14399095, 0.15112631, 0.10111169, 0.14694121, 0.16109484, 0.17653204, 0.17809026, 0.16518392, 0.18807305, 0.16947793, 0.17553839, 0.61715314, 1.010855, 0.46267162, 0.40032572, 0.22063846, 0.55558297, 0.36781144, 0.61152304, 0.18432885],
    'coefficients': {'score': 0.392011, 'word_jaccard': 0.225744, 'stem_jaccard': 0.371763, 'containment_min': -0.136391, 'containment_max': -0.147738, 'length_ratio': -0.235317, 'lcs_min': 1.957451, 'lcs_max': -0.88067, 'bigram_jaccard': -0.151844, 'trigram_jaccard': -0.785451, 'char4_jaccard': 0.404391, 'idf_jaccard': 0.067005, 'idf_containment_min': -0.720485, 'idf_containment_max': 0.314426, 'unmatched_idf_max': -0.728761, 'unmatched_idf_min': 0.151912, 'numbers_differ': -0.210474, 'numbers_conflict': 0.969353, 'numbers_conflict_x_lcs': -1.484466, 'numbers_unmatched': 0.073197, 'calendar_differ': -0.037749, 'names_unmatched': 0.093637, 'negation_differ': -0.226906},
    'intercept': 0.922045,
}
