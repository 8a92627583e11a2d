// The browser half of make book-check (tools/book-check.sh): run by headless
// Chromium in a page next to the book, with file access between pages
// allowed.  BOOK_PAGES (set by the page) lists the pages to check, relative
// to BOOK_ROOT.  Each is loaded in a frame, so that its images really load
// and its diagrams really render; then:
//   - every image loaded (a natural size), and every SVG diagram, drawn onto
//     a canvas, has a visible share of pixels unlike its background;
//   - every stylesheet and every relative link resolves to a file, and a
//     link's #anchor names an element of the page it points to.
// The result replaces the body: "ok PAGE" or "FAIL PAGE: why" lines, then
// "BOOK-CHECK-DONE", which --dump-dom prints.
"use strict";

const MIN_INK = 0.002;	// share of pixels that must differ from the corner

function load(url) {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open("GET", url);
		xhr.onload = () => resolve(xhr.responseText);
		xhr.onerror = () => reject(new Error("cannot be read"));
		try {
			xhr.send();
		} catch (e) {
			reject(e);
		}
	});
}

const docs = new Map();	// file URL -> parsed document (or an error)
async function parsed(url) {
	if (!docs.has(url)) {
		docs.set(url, load(url).then(
			(text) => new DOMParser().parseFromString(text, "text/html")));
	}
	return docs.get(url);
}

function frameLoad(frame, url) {
	return new Promise((resolve) => {
		frame.onload = () => resolve();
		frame.src = url;
	});
}

function imageReady(img) {
	if (img.complete)
		return Promise.resolve();
	return new Promise((resolve) => {
		img.addEventListener("load", resolve, { once: true });
		img.addEventListener("error", resolve, { once: true });
	});
}

// The share of the image's pixels that differ from its top-left pixel.
function ink(img) {
	const w = img.naturalWidth, h = img.naturalHeight;
	const canvas = document.createElement("canvas");
	canvas.width = w;
	canvas.height = h;
	const ctx = canvas.getContext("2d");
	ctx.drawImage(img, 0, 0, w, h);
	const data = ctx.getImageData(0, 0, w, h).data;
	let differ = 0;
	for (let i = 0; i < data.length; i += 4) {
		if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) +
		    Math.abs(data[i + 2] - data[2]) + Math.abs(data[i + 3] - data[3]) > 24)
			differ++;
	}
	return differ / (w * h);
}

async function checkImages(doc, problems) {
	for (const img of doc.querySelectorAll("img")) {
		const src = img.getAttribute("src");
		await imageReady(img);
		if (!img.naturalWidth || !img.naturalHeight) {
			problems.push(`image ${src} does not load`);
			continue;
		}
		if (!/\.svg(#|$)/.test(src))
			continue;
		let share;
		try {
			share = ink(img);
		} catch (e) {
			problems.push(`diagram ${src} cannot be drawn: ${e.message}`);
			continue;
		}
		if (share < MIN_INK)
			problems.push(`diagram ${src} renders blank (${(share * 100).toFixed(3)}% ink)`);
	}
}

let rootUrl;	// the book's folder, as a file URL ending in "/"

async function checkLinks(doc, pageUrl, problems) {
	const targets = [];
	for (const a of doc.querySelectorAll("a[href]"))
		targets.push(["link", a.getAttribute("href")]);
	for (const l of doc.querySelectorAll("link[rel=stylesheet]"))
		targets.push(["stylesheet", l.getAttribute("href")]);
	for (const [kind, href] of targets) {
		if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("file:"))
			continue;	// http:, mailto: -- not the book's to check
		const url = new URL(href, pageUrl);
		const file = url.href.split("#")[0];
		const anchor = decodeURIComponent(url.hash.slice(1));
		let target;
		try {
			target = file === pageUrl ? doc : await parsed(file);
		} catch (e) {
			const name = file.startsWith(rootUrl) ? file.slice(rootUrl.length) : file;
			problems.push(`${kind} ${href}: ${name} ${e.message}`);
			continue;
		}
		if (anchor && !target.getElementById(anchor))
			problems.push(`${kind} ${href}: no element with id "${anchor}" there`);
	}
}

async function main() {
	const frame = document.createElement("iframe");
	frame.style.width = "1200px";
	frame.style.height = "900px";
	document.body.appendChild(frame);
	const report = [];
	rootUrl = new URL(BOOK_ROOT, location.href).href;
	for (const page of BOOK_PAGES) {
		const url = new URL(page, rootUrl).href;
		const problems = [];
		try {
			await load(url);
			await frameLoad(frame, url);
			const doc = frame.contentDocument;
			if (!doc || !doc.body)
				throw new Error("does not load");
			await checkImages(doc, problems);
			await checkLinks(doc, url, problems);
		} catch (e) {
			problems.push(e.message);
		}
		if (problems.length)
			for (const p of problems)
				report.push(`FAIL ${page}: ${p}`);
		else
			report.push(`ok ${page}`);
	}
	frame.remove();
	const pre = document.createElement("pre");
	pre.id = "report";
	pre.textContent = report.join("\n") + "\nBOOK-CHECK-DONE\n";
	document.body.replaceChildren(pre);
}

main().catch((e) => {
	document.body.textContent = `FAIL checker: ${e.message}\nBOOK-CHECK-DONE\n`;
});
