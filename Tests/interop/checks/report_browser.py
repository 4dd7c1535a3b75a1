"""Load a touchpoint report in headless Chromium over the DevTools protocol and check how it renders.

Usage: report_browser.py PAGE.html SCREENSHOT.png PRINT.pdf EXPECTED_CHARTS

Fails (exit 1) when the page logs an error or throws, asks for anything but itself, has a number of <svg>
charts other than EXPECTED_CHARTS, or a chart without a size above zero, a <title>, a <desc> or an aria-label;
or when printing to PDF gives nothing. Writes a full-page screenshot and the PDF.
"""
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

import websocket


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("report_browser: no chromium on PATH (Debian: apt-get install chromium)")


class DevTools:
    """One page's DevTools session: numbered commands, and the events met while waiting for answers."""

    def __init__(self, url):
        self.socket = websocket.create_connection(url, timeout=60)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if any(e.get("method") == method for e in self.events):
                return
            self.socket.settimeout(max(deadline - time.monotonic(), 0.1))
            try:
                self.events.append(json.loads(self.socket.recv()))
            except websocket.WebSocketTimeoutException:
                break
        raise RuntimeError(f"no {method} within {seconds} s")


def main():
    page, screenshot, pdf, expected = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    url = pathlib.Path(page).resolve().as_uri()
    profile = tempfile.mkdtemp(prefix="touchpoint-chromium-")
    browser = subprocess.Popen(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
         "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1000,1200", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    problems = []
    summary = page
    try:
        port_file = pathlib.Path(profile, "DevToolsActivePort")
        deadline = time.monotonic() + 60
        while not port_file.exists() or len(port_file.read_text().splitlines()) < 2:
            if time.monotonic() > deadline or browser.poll() is not None:
                sys.exit("report_browser: Chromium did not start")
            time.sleep(0.1)
        port = port_file.read_text().splitlines()[0]
        import urllib.request
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        target = next(t for t in targets if t.get("type") == "page")
        tools = DevTools(target["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.call(f"{domain}.enable")
        tools.call("Page.navigate", url=url)
        tools.wait_for("Page.loadEventFired")
        tools.call("Runtime.evaluate", expression="document.fonts.ready", awaitPromise=True)

        requested = [e["params"]["request"]["url"] for e in tools.events if e.get("method") == "Network.requestWillBeSent"]
        others = [u for u in requested if u != url and not u.startswith("data:")]
        if others:
            problems.append(f"the page asked for other resources: {others}")
        for e in tools.events:
            if e.get("method") == "Runtime.exceptionThrown":
                problems.append(f"exception: {e['params']['exceptionDetails'].get('text')}")
            if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error":
                problems.append(f"console error: {e['params']['entry'].get('text')}")
            if e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error":
                problems.append("console.error called")

        probe = """JSON.stringify({
          scripts: document.scripts.length,
          charts: Array.from(document.querySelectorAll('svg')).map(s => {
            const r = s.getBoundingClientRect();
            return {width: r.width, height: r.height, label: s.getAttribute('aria-label'), role: s.getAttribute('role'),
                    title: !!s.querySelector(':scope > title'), desc: !!s.querySelector(':scope > desc'),
                    texts: s.querySelectorAll('text').length};
          }),
          height: document.documentElement.scrollHeight,
          overflow: Array.from(document.querySelectorAll('svg text')).filter(t => {
            const b = t.getBoundingClientRect(), svg = t.ownerSVGElement.getBoundingClientRect();
            return b.left < svg.left - 1 || b.right > svg.right + 1 || b.top < svg.top - 1 || b.bottom > svg.bottom + 1;
          }).map(t => t.textContent).slice(0, 5)
        })"""
        facts = json.loads(tools.call("Runtime.evaluate", expression=probe, returnByValue=True)["result"]["value"])
        charts = facts["charts"]
        if facts["scripts"]:
            problems.append(f"{facts['scripts']} script elements in the page")
        if len(charts) != expected:
            problems.append(f"{len(charts)} charts, expected {expected}")
        for index, chart in enumerate(charts):
            if not (chart["width"] > 0 and chart["height"] > 0):
                problems.append(f"chart {index} ({chart['label']}) has size {chart['width']} x {chart['height']}")
            if not (chart["title"] and chart["desc"] and chart["label"] and chart["role"] == "img"):
                problems.append(f"chart {index} ({chart['label']}) lacks its title, desc, aria-label or role")
            if chart["texts"] < 3:
                problems.append(f"chart {index} ({chart['label']}) has almost no text (axis labels, legend?)")
        if facts["overflow"]:
            problems.append(f"chart text drawn outside its chart: {facts['overflow']}")

        height = int(facts["height"])
        tools.call("Emulation.setDeviceMetricsOverride", width=1000, height=height, deviceScaleFactor=1, mobile=False)
        shot = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        pathlib.Path(screenshot).write_bytes(base64.b64decode(shot["data"]))
        printed = base64.b64decode(tools.call("Page.printToPDF", printBackground=True, preferCSSPageSize=True)["data"])
        pathlib.Path(pdf).write_bytes(printed)
        if not printed.startswith(b"%PDF") or len(printed) < 10_000:
            problems.append(f"printing to PDF gave {len(printed)} bytes")
        pages = printed.count(b"/Type /Page") - printed.count(b"/Type /Pages")
        summary = (f"{page}: {len(charts)} charts; page {height} px high; screenshot {screenshot}; "
                   f"PDF {len(printed)} bytes, about {pages} pages")
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profile, ignore_errors=True)
    if problems:
        for p in problems:
            print(f"report_browser: {p}", file=sys.stderr)
        sys.exit(f"report_browser: FAILED: {summary}")
    print(f"report_browser: ok: {summary}, every chart drawn with its title")


if __name__ == "__main__":
    main()
