"""Reachability checks (design/publiccode-standard.md section 2.11), against local servers only."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from harvester.publiccode import network
from harvester.publiccode.network import NetworkPolicy, UnreachableURL, check_reachable

LOCAL = NetworkPolicy(timeout=2.0, allowed_hosts=frozenset({"127.0.0.1"}))


# --- a local server -----------------------------------------------------------------------


class Server(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 that records each request's path and Host header."""

    daemon_threads = True

    def __init__(self, context: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.seen: list[tuple[str, str]] = []
        self.stop = threading.Event()
        self.scheme = "http" if context is None else "https"
        if context is not None:
            self.socket = context.wrap_socket(self.socket, server_side=True)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.seen]


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.seen.append((self.path, self.headers.get("Host", "")))
        name, _, rest = self.path.strip("/").partition("/")
        route: Callable[[str], None] = getattr(self, f"route_{name.replace('-', '_')}")
        try:
            route(rest)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def answer(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_ok(self, rest: str) -> None:
        self.answer(200, b"hello")

    def route_empty(self, rest: str) -> None:
        self.send_response(204)
        self.end_headers()

    def route_missing(self, rest: str) -> None:
        self.answer(404, b"not here")

    def route_hop(self, rest: str) -> None:
        left = int(rest)
        if left == 0:
            self.answer(200, b"arrived")
        else:
            self.answer(302, Location=f"/hop/{left - 1}")

    def route_to(self, rest: str) -> None:
        self.answer(301, Location=rest.replace("PORT", str(self.server.port)))

    def route_no_location(self, rest: str) -> None:
        self.answer(302)

    def route_big(self, rest: str) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(10**9))
        self.end_headers()
        self.wfile.write(b"x" * 3000)
        self.wfile.flush()
        self.server.stop.wait(10)

    def route_slow(self, rest: str) -> None:
        self.server.stop.wait(10)
        self.answer(200)

    def route_drip(self, rest: str) -> None:
        self.send_response(200)
        self.end_headers()
        deadline = time.monotonic() + 10
        while not self.server.stop.is_set() and time.monotonic() < deadline:
            self.wfile.write(b"x")
            self.wfile.flush()
            self.server.stop.wait(0.05)


def serve(server: Server) -> Iterator[Server]:
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def server() -> Iterator[Server]:
    yield from serve(Server())


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as made:
        made.trust_env = False
        yield made


class RecordingAdapter(HTTPAdapter):
    """Records what would be sent and sends nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        self.sent.append(str(request.url))
        raise requests.ConnectionError("recording only")


@pytest.fixture
def recorder(session: requests.Session) -> RecordingAdapter:
    adapter = RecordingAdapter()
    session.mount("http://", adapter)
    return adapter


def resolve_as(monkeypatch: pytest.MonkeyPatch, names: dict[str, list[str]]) -> list[str]:
    """Make ``socket.getaddrinfo`` answer ``names`` itself; return the hosts it was asked."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def fake(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        asked.append(host)
        if host not in names:
            return real(host, port, *args, **kwargs)
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in names[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return asked


def refusal(url: str, policy: NetworkPolicy, session: requests.Session | None) -> str:
    with pytest.raises(UnreachableURL) as caught:
        check_reachable(url, policy, session)
    return caught.value.reason


# --- refused before connecting ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1.2.3:8080/x",
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://0.0.0.0/",
        "http://[::]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://[ff02::1]/",
        "http://[2002:a00:1::]/",
        "http://localhost/",
        "http://LOCALHOST:8000/",
    ],
)
def test_refuses_a_non_public_target_without_connecting(
    url: str, session: requests.Session, recorder: RecordingAdapter
) -> None:
    reason = refusal(url, NetworkPolicy(), session)
    assert reason.startswith("host resolves to a private address (")
    assert recorder.sent == []


def test_names_the_refused_address(session: requests.Session, recorder: RecordingAdapter) -> None:
    reason = refusal("http://169.254.169.254/", NetworkPolicy(), session)
    assert reason == "host resolves to a private address (169.254.169.254)"


def test_refuses_an_https_target_before_connecting() -> None:
    reason = refusal("https://10.1.2.3/", NetworkPolicy(), None)
    assert reason == "host resolves to a private address (10.1.2.3)"


def test_refuses_a_name_when_any_of_its_addresses_is_private(
    monkeypatch: pytest.MonkeyPatch, session: requests.Session, recorder: RecordingAdapter
) -> None:
    resolve_as(monkeypatch, {"mixed.test": ["93.184.216.34", "10.0.0.7"]})
    reason = refusal("http://mixed.test/", NetworkPolicy(), session)
    assert reason == "host resolves to a private address (10.0.0.7)"
    assert recorder.sent == []


def test_allowed_hosts_do_not_cover_other_names_for_the_same_address(
    session: requests.Session, recorder: RecordingAdapter
) -> None:
    reason = refusal("http://localhost/", LOCAL, session)
    assert reason == "host resolves to a private address (127.0.0.1)"


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1::", "::ffff:8.8.8.8"])
def test_does_not_refuse_a_public_address(address: str) -> None:
    assert not network._is_refused(ipaddress.ip_address(address))


def test_reports_a_host_that_does_not_resolve(
    monkeypatch: pytest.MonkeyPatch, session: requests.Session
) -> None:
    def fail(*args: Any, **kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    assert refusal("https://nowhere.invalid/", NetworkPolicy(), session) == (
        "cannot resolve host nowhere.invalid"
    )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/file", 'unsupported protocol scheme "ftp"'),
        ("mailto:someone@example.org", 'unsupported protocol scheme "mailto"'),
        ("example.org/page", 'unsupported protocol scheme ""'),
        ("http:///page", "no host in URL"),
        ("http://example.org:99999/", "invalid URL"),
        ("http://[::1/", "invalid URL"),
    ],
)
def test_refuses_a_url_it_cannot_fetch(url: str, reason: str) -> None:
    assert refusal(url, NetworkPolicy(), None) == reason


def test_the_error_carries_the_url_and_reason() -> None:
    with pytest.raises(UnreachableURL) as caught:
        check_reachable("ftp://example.org/", NetworkPolicy())
    assert (caught.value.url, caught.value.reason) == ("ftp://example.org/", str(caught.value))


def test_the_error_is_a_value_error() -> None:
    assert issubclass(UnreachableURL, ValueError)


# --- against a local server ---------------------------------------------------------------


def test_accepts_a_200_answer(server: Server, session: requests.Session) -> None:
    check_reachable(server.url("/ok"), LOCAL, session)
    assert server.paths() == ["/ok"]


def test_accepts_any_2xx_answer(server: Server, session: requests.Session) -> None:
    check_reachable(server.url("/empty"), LOCAL, session)
    assert server.paths() == ["/empty"]


def test_allow_private_hosts_lifts_the_address_check(
    server: Server, session: requests.Session
) -> None:
    check_reachable(server.url("/ok"), NetworkPolicy(allow_private_hosts=True), session)
    assert server.paths() == ["/ok"]


def test_works_without_a_session_given(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    check_reachable(server.url("/ok"), LOCAL)
    assert server.paths() == ["/ok"]


def test_reports_a_404(server: Server, session: requests.Session) -> None:
    assert refusal(server.url("/missing"), LOCAL, session) == "HTTP status 404"


def test_reports_a_refused_connection(session: requests.Session) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert refusal(f"http://127.0.0.1:{port}/", LOCAL, session) == "connection failed"


def test_follows_a_chain_of_relative_redirects(server: Server, session: requests.Session) -> None:
    check_reachable(server.url("/hop/3"), LOCAL, session)
    assert server.paths() == ["/hop/3", "/hop/2", "/hop/1", "/hop/0"]


def test_follows_nine_redirects(server: Server, session: requests.Session) -> None:
    check_reachable(server.url("/hop/9"), LOCAL, session)
    assert len(server.seen) == 10


def test_stops_at_the_tenth_redirect(server: Server, session: requests.Session) -> None:
    assert refusal(server.url("/hop/10"), LOCAL, session) == "stopped after 10 redirects"
    assert len(server.seen) == 10


def test_follows_an_absolute_redirect(server: Server, session: requests.Session) -> None:
    check_reachable(server.url("/to/http://127.0.0.1:PORT/ok"), LOCAL, session)
    assert server.paths() == ["/to/http://127.0.0.1:PORT/ok", "/ok"]


def test_refuses_a_redirect_to_a_refused_host_without_following_it(
    server: Server, session: requests.Session
) -> None:
    reason = refusal(server.url("/to/http://localhost:PORT/ok"), LOCAL, session)
    assert reason.startswith("host resolves to a private address (")
    assert server.paths() == ["/to/http://localhost:PORT/ok"]


def test_reports_the_first_url_when_a_later_hop_fails(
    server: Server, session: requests.Session
) -> None:
    url = server.url("/to/ftp://127.0.0.1/file")
    with pytest.raises(UnreachableURL) as caught:
        check_reachable(url, LOCAL, session)
    assert (caught.value.url, caught.value.reason) == (url, 'unsupported protocol scheme "ftp"')


def test_allow_private_hosts_follows_a_redirect_to_localhost(
    server: Server, session: requests.Session
) -> None:
    policy = NetworkPolicy(timeout=2.0, allow_private_hosts=True)
    check_reachable(server.url("/to/http://localhost:PORT/ok"), policy, session)
    assert server.seen[-1] == ("/ok", f"localhost:{server.port}")


def test_treats_a_redirect_without_location_as_its_status(
    server: Server, session: requests.Session
) -> None:
    assert refusal(server.url("/no-location"), LOCAL, session) == "HTTP status 302"


def test_stops_reading_a_body_at_max_bytes(server: Server, session: requests.Session) -> None:
    policy = NetworkPolicy(timeout=2.0, max_bytes=1000, allowed_hosts=LOCAL.allowed_hosts)
    check_reachable(server.url("/big"), policy, session)
    assert server.paths() == ["/big"]


def test_times_out_on_a_server_that_does_not_answer(
    server: Server, session: requests.Session
) -> None:
    policy = NetworkPolicy(timeout=0.5, allowed_hosts=LOCAL.allowed_hosts)
    started = time.monotonic()
    assert refusal(server.url("/slow"), policy, session) == "timed out after 0.5 s"
    assert time.monotonic() - started < 4


def test_times_out_on_a_body_that_trickles_forever(
    server: Server, session: requests.Session
) -> None:
    policy = NetworkPolicy(timeout=0.5, allowed_hosts=LOCAL.allowed_hosts)
    started = time.monotonic()
    assert refusal(server.url("/drip"), policy, session) == "timed out after 0.5 s"
    assert time.monotonic() - started < 4


# --- pinning: the checked address is the one connected to ---------------------------------


def test_connects_to_the_address_it_checked_and_sends_the_name_as_host(
    server: Server, session: requests.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = resolve_as(monkeypatch, {"kataster.test": ["127.0.0.1"]})
    policy = NetworkPolicy(timeout=2.0, allowed_hosts=frozenset({"kataster.test"}))
    check_reachable(server.url("/ok", host="kataster.test"), policy, session)
    assert server.seen == [("/ok", f"kataster.test:{server.port}")]
    assert asked.count("kataster.test") == 1


def test_resolves_each_redirect_hop_afresh(
    server: Server, session: requests.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = resolve_as(monkeypatch, {"kataster.test": ["127.0.0.1"]})
    policy = NetworkPolicy(timeout=2.0, allowed_hosts=frozenset({"kataster.test"}))
    check_reachable(server.url("/hop/2", host="kataster.test"), policy, session)
    assert asked.count("kataster.test") == 3


def make_certificate(directory: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for ``name``, as PEM files (certificate, key).

    cryptography is optional here: it is not among the project's test dependencies.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / f"{name}.crt", directory / f"{name}.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    pytest.importorskip("cryptography")
    cert_path, key_path = make_certificate(tmp_path, "kataster.test")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    for running in serve(Server(context)):
        yield running, cert_path


def test_verifies_tls_for_the_name_while_connecting_to_the_address(
    tls_server: tuple[Server, Path], session: requests.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, cert_path = tls_server
    session.verify = str(cert_path)
    resolve_as(monkeypatch, {"kataster.test": ["127.0.0.1"]})
    policy = NetworkPolicy(timeout=2.0, allowed_hosts=frozenset({"kataster.test"}))
    check_reachable(server.url("/ok", host="kataster.test"), policy, session)
    assert server.seen == [("/ok", f"kataster.test:{server.port}")]


def test_refuses_a_certificate_for_another_name(
    tls_server: tuple[Server, Path], session: requests.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, cert_path = tls_server
    session.verify = str(cert_path)
    resolve_as(monkeypatch, {"other.test": ["127.0.0.1"]})
    policy = NetworkPolicy(timeout=2.0, allowed_hosts=frozenset({"other.test"}))
    reason = refusal(server.url("/ok", host="other.test"), policy, session)
    assert reason == "TLS handshake failed"
