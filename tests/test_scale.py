"""The Dask backend of `similar_pairs`: the same pairs as the local backend on a two-worker cluster,
a clear error without dask, and a package that imports without it."""

import subprocess
import sys

import pandas as pd
import pytest
from test_join import random_passages, synthetic_passages

from research.errors import AnalysisError
from research.reuse.similarity import similar_pairs


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=True) as cluster, distributed.Client(cluster) as client:
        yield cluster, client


@pytest.mark.parametrize("method", ["exact", "minhash"])
def test_dask_backend_returns_the_local_pairs(cluster, method):
    _, client = cluster
    passages = synthetic_passages(1500, seed=3)
    local = similar_pairs(passages, method=method, block_rows=200)
    assert len(local) > 150
    on_dask = similar_pairs(passages, method=method, backend="dask", client=client, block_rows=200)
    pd.testing.assert_frame_equal(on_dask, local)
    assert len(client.scheduler_info()["workers"]) == 2


def test_dask_backend_by_scheduler_address_with_top_k(cluster):
    scheduler, _ = cluster
    passages = random_passages(4, n_articles=4, n_passages=60)
    local = similar_pairs(passages, threshold=0.3, top_k=2)
    by_address = similar_pairs(passages, threshold=0.3, top_k=2, backend="dask",
                               client=scheduler.scheduler_address, block_rows=7)
    pd.testing.assert_frame_equal(by_address, local)


def test_dask_backend_without_dask_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    passages = random_passages(4, n_articles=4, n_passages=20)
    with pytest.raises(AnalysisError, match=r"pip install 'research\[scale\]'"):
        similar_pairs(passages, backend="dask")


def test_the_package_imports_and_joins_without_dask():
    code = (
        "import sys\n"
        "sys.modules['dask'] = sys.modules['distributed'] = None\n"
        "import pandas as pd, research\n"
        "passages = pd.DataFrame({'article_id': ['a', 'b'], 'passage_id': ['a:1', 'b:1'], 'role': 'body',\n"
        "                         'text': ['North Korean troops in Russia', 'North Korean troops in Russia']})\n"
        "print(len(research.similar_pairs(passages)), 'dask' in sys.modules and sys.modules['dask'] is not None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "False"]
    assert done.stderr == ""
