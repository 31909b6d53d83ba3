"""Dask backend of `similar_pairs` (`backend="dask"`): the blocks of one join as tasks on a cluster.

The join plan (`research.join.JoinPlan`: the rows with their prefix lists, and
for the package's default scorer the character rows kept as word counts; numpy
arrays only) is sent to every worker once with `Client.scatter(...,
broadcast=True)`. Each task runs the same compiled kernel as the local backend
on one block of rows and returns that block's pairs (three arrays); the client
gathers them in block order, so the pairs are exactly the local backend's.
Vectorising and, for `method="minhash"`, the MinHash candidates are computed on
the client. Needs the `scale` extra (`pip install "research[scale]"`): dask and
distributed; the rest of the package works without them.
"""

from __future__ import annotations

from tqdm import tqdm

from research.errors import AnalysisError


def _block(plan, start: int, stop: int):
    return plan.block(start, stop)


def _client(client):
    """`client` itself, a `Client` connected to the address `client`, or a new local cluster (then
    the second value is True: close it when done)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise AnalysisError(
            "backend='dask' needs the dask and distributed packages, which are not installed: "
            "pip install 'research[scale]' (or use the default backend='local')"
        ) from error
    if client is None:
        cluster = LocalCluster(processes=False, n_workers=1, dashboard_address=None)
        return Client(cluster), True
    if isinstance(client, str):
        return Client(client), True
    return client, False


def run_blocks(plan, starts: list[int], block_rows: int, client=None, progress: bool = False) -> list:
    """The pairs of each block of `plan` (blocks of `block_rows` rows from `starts`), as Dask tasks.

    `client`: a `distributed.Client`, the address of a scheduler
    ("tcp://host:8786"), or None for a local cluster of threads on this
    machine, closed when done. Results come back in block order.
    """
    client, own = _client(client)
    try:
        shared = client.scatter(plan, broadcast=True)
        futures = [client.submit(_block, shared, start, min(plan.n_rows, start + block_rows), pure=False)
                   for start in starts]
        with tqdm(total=len(futures), desc="similar_pairs (dask)", unit="block", disable=not progress) as bar:
            for future in futures:
                future.add_done_callback(lambda _: bar.update())
            results = client.gather(futures)
        return results
    finally:
        if own:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
