#!/usr/bin/env python3
"""Draws the demo carousel and template images in public/media/demo/.

Everything is procedural (gradients and simple shapes, no text, no outside
assets), so the pictures are ours to ship. The output is deterministic: a fixed
random seed, and the same Pillow version gives the same bytes.

    python3 scripts/make-demo-images.py          # needs Pillow (pip install pillow)

Each scene is drawn at 2x and scaled down (anti-aliasing), then saved as a
progressive JPEG at 960x540 (<name>.jpg) and 480x270 (<name>-480.jpg). The centre
third is kept calm: the carousel puts its title and subtitle there.
"""

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

W, H = 960, 540          # design size; all coordinates below are in these units
SS = 2                   # supersampling factor
OUT = Path(__file__).resolve().parent.parent / "public" / "media" / "demo"
QUALITY = 78
SEED = 20261126


def hex_rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def s(v):
    return round(v * SS)


def box(x0, y0, x1, y1):
    return [s(x0), s(y0), s(x1), s(y1)]


def pts(points):
    return [(s(x), s(y)) for x, y in points]


# ---------------------------------------------------------------- backgrounds
def linear_gradient(stops, angle_deg=90):
    """stops: [(0..1, '#rrggbb'), ...]; angle 90 = top to bottom, 0 = left to right."""
    size = (W * SS, H * SS)
    # Build a 1-D ramp, then stretch and rotate it: much faster than per pixel.
    n = 1024
    cols = [hex_rgb(c) for _, c in stops]
    pos = [p for p, _ in stops]
    ramp = Image.new("RGB", (n, 1))
    px = ramp.load()
    for i in range(n):
        t = i / (n - 1)
        j = 0
        while j < len(pos) - 2 and t > pos[j + 1]:
            j += 1
        span = max(pos[j + 1] - pos[j], 1e-6)
        u = min(max((t - pos[j]) / span, 0.0), 1.0)
        u = u * u * (3 - 2 * u)  # smoothstep between stops
        px[i, 0] = mix(cols[j], cols[j + 1], u)
    diag = int(math.hypot(*size)) + 4
    big = ramp.resize((diag, diag), Image.BILINEAR).rotate(-angle_deg, resample=Image.BILINEAR)
    left = (diag - size[0]) // 2
    top = (diag - size[1]) // 2
    return big.crop((left, top, left + size[0], top + size[1]))


def glow(img, cx, cy, r, colour, strength=0.55):
    """A soft radial light (screen blend) centred at (cx, cy)."""
    layer = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(layer)
    steps = 24
    for i in range(steps, 0, -1):
        rr = r * i / steps
        a = int(255 * strength * (1 - i / steps) ** 1.6)
        d.ellipse(box(cx - rr, cy - rr, cx + rr, cy + rr), fill=a)
    layer = layer.filter(ImageFilter.GaussianBlur(s(r / 10)))
    tint = Image.new("RGB", img.size, hex_rgb(colour))
    lit = ImageChops.screen(img, tint)
    return Image.composite(lit, img, layer)


def vignette(img, strength=0.35):
    mask = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(mask)
    d.ellipse(box(-W * 0.15, -H * 0.25, W * 1.15, H * 1.25), fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(s(110)))
    dark = Image.new("RGB", img.size, (0, 0, 0))
    shaded = Image.blend(img, dark, strength)
    return Image.composite(img, shaded, mask)


def bokeh(img, rng, colour, count, rmin, rmax, alpha_max=60, avoid_centre=True):
    """Soft out-of-focus circles; fewer in the centre third where text goes."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    rgb = hex_rgb(colour)
    for _ in range(count):
        x = rng.uniform(0, W)
        y = rng.uniform(0, H)
        if avoid_centre and W / 3 < x < 2 * W / 3 and H / 4 < y < 3 * H / 4:
            continue
        r = rng.uniform(rmin, rmax)
        a = int(rng.uniform(0.25, 1.0) * alpha_max)
        d.ellipse(box(x - r, y - r, x + r, y + r), fill=rgb + (a,))
    layer = layer.filter(ImageFilter.GaussianBlur(s(2.5)))
    return Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")


def overlay(img, draw_fn, blur=0.0):
    """Draws shapes on a transparent layer (draw_fn(ImageDraw)) and composites it."""
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer))
    if blur:
        layer = layer.filter(ImageFilter.GaussianBlur(s(blur)))
    return Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")


def rgba(colour, a):
    return hex_rgb(colour) + (int(a),)


def hills(d, base_y, amp, waves, phase, colour, a=255):
    points = [(0, H)]
    for i in range(0, 97):
        x = W * i / 96
        y = base_y + amp * math.sin(2 * math.pi * waves * i / 96 + phase) \
            + amp * 0.4 * math.sin(2 * math.pi * waves * 2.3 * i / 96 + phase * 1.7)
        points.append((x, y))
    points.append((W, H))
    d.polygon(pts(points), fill=rgba(colour, a))


# ---------------------------------------------------------------- motifs
def shield(d, cx, cy, size, fill, edge=None, check=None):
    """A classic shield: a gently arched top, straight shoulders, sides that curve
    into a point. size is its width; it is 1.2x as tall."""
    w, h = size, size * 1.2
    top, bottom = cy - h / 2, cy + h / 2
    right = []
    # arched top edge from the centre to the right shoulder
    for i in range(11):
        t = i / 10
        right.append((cx + w / 2 * t, top + h * 0.06 * t * t))
    # the side: straight for a while, then a quadratic curve to the point
    shoulder_y = top + h * 0.06
    knee = (cx + w / 2, top + h * 0.45)
    for i in range(1, 31):
        t = i / 30
        # Bezier: shoulder -> (knee) -> point
        x = (1 - t) ** 2 * (cx + w / 2) + 2 * (1 - t) * t * knee[0] + t * t * cx
        y = (1 - t) ** 2 * shoulder_y + 2 * (1 - t) * t * (top + h * 0.78) + t * t * bottom
        right.append((x, y))
    left = [(2 * cx - x, y) for x, y in reversed(right[1:-1])]
    outline = right + left
    if edge:
        d.polygon(pts(outline), fill=edge)
        inner = [(cx + (x - cx) * 0.84, cy + (y - cy) * 0.86 - h * 0.01) for x, y in outline]
        d.polygon(pts(inner), fill=fill)
    else:
        d.polygon(pts(outline), fill=fill)
    if check:
        d.line(pts([(cx - size * 0.2, cy - size * 0.02), (cx - size * 0.04, cy + size * 0.15),
                    (cx + size * 0.24, cy - size * 0.2)]), fill=check, width=s(size * 0.08), joint="curve")


def person(d, cx, foot_y, height, fill):
    """A friendly silhouette: a round head and a rounded body."""
    head_r = height * 0.16
    body_w = height * 0.52
    body_top = foot_y - height * 0.62
    d.ellipse(box(cx - head_r, foot_y - height, cx + head_r, foot_y - height + 2 * head_r), fill=fill)
    d.rounded_rectangle(box(cx - body_w / 2, body_top, cx + body_w / 2, foot_y + height * 0.1),
                        radius=s(body_w * 0.48), fill=fill)


def umbrella(d, cx, top_y, radius, canopy, handle, ribs=None, shaft_to=None):
    # canopy: a half disc with a scalloped lower edge
    d.pieslice(box(cx - radius, top_y, cx + radius, top_y + 2 * radius), 180, 360, fill=canopy)
    n = 5
    seg = 2 * radius / n
    for i in range(n):
        x0 = cx - radius + i * seg
        d.ellipse(box(x0, top_y + radius - seg * 0.28, x0 + seg, top_y + radius + seg * 0.28),
                  fill=(0, 0, 0, 0))
    if ribs:
        for i in range(1, n):
            x = cx - radius + i * seg
            d.line(pts([(cx, top_y + 2), (x, top_y + radius - seg * 0.05)]), fill=ribs, width=s(2))
    # shaft and hook
    shaft_bottom = shaft_to or top_y + radius * 2.05
    d.line(pts([(cx, top_y - radius * 0.08), (cx, shaft_bottom)]), fill=handle, width=s(radius * 0.045))
    if shaft_to:  # held by someone drawn on top: no hook
        return
    hr = radius * 0.14
    d.arc(box(cx - 2 * hr, shaft_bottom - hr, cx, shaft_bottom + hr), 0, 180, fill=handle,
          width=s(radius * 0.045))


def house(d, cx, base_y, w, wall, roof, door, window):
    h = w * 0.62
    d.rectangle(box(cx - w / 2, base_y - h, cx + w / 2, base_y), fill=wall)
    d.polygon(pts([(cx - w * 0.62, base_y - h + 2), (cx, base_y - h - w * 0.46),
                   (cx + w * 0.62, base_y - h + 2)]), fill=roof)
    d.rounded_rectangle(box(cx - w * 0.1, base_y - h * 0.55, cx + w * 0.1, base_y), radius=s(w * 0.04),
                        fill=door)
    for dx in (-0.3, 0.3):
        d.rounded_rectangle(box(cx + w * dx - w * 0.1, base_y - h * 0.75, cx + w * dx + w * 0.1,
                                base_y - h * 0.45), radius=s(w * 0.02), fill=window)


def heart(d, cx, cy, size, fill):
    points = []
    for i in range(120):
        t = 2 * math.pi * i / 120
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((cx + x * size / 32, cy - y * size / 32))
    d.polygon(pts(points), fill=fill)


def cross(d, cx, cy, size, fill):
    a = size * 0.32
    d.rounded_rectangle(box(cx - a / 2, cy - size / 2, cx + a / 2, cy + size / 2), radius=s(a * 0.2), fill=fill)
    d.rounded_rectangle(box(cx - size / 2, cy - a / 2, cx + size / 2, cy + a / 2), radius=s(a * 0.2), fill=fill)


def leaf(d, x, y, length, angle, fill):
    pts_ = []
    for i in range(41):
        t = i / 40
        w = math.sin(math.pi * t) * length * 0.28
        pts_.append((t * length, w))
    for i in range(40, -1, -1):
        t = i / 40
        w = math.sin(math.pi * t) * length * 0.28
        pts_.append((t * length, -w))
    ca, sa = math.cos(angle), math.sin(angle)
    d.polygon(pts([(x + px * ca - py * sa, y + px * sa + py * ca) for px, py in pts_]), fill=fill)


def star(d, cx, cy, r, fill):
    points = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.45
        t = -math.pi / 2 + i * math.pi / 5
        points.append((cx + rr * math.cos(t), cy + rr * math.sin(t)))
    d.polygon(pts(points), fill=fill)


def bird(d, cx, cy, span, fill):
    d.arc(box(cx - span, cy - span * 0.4, cx, cy + span * 0.4), 200, 340, fill=fill, width=s(2.2))
    d.arc(box(cx, cy - span * 0.4, cx + span, cy + span * 0.4), 200, 340, fill=fill, width=s(2.2))


def chat_bubble(d, x0, y0, x1, y1, fill, tail_left=True):
    d.rounded_rectangle(box(x0, y0, x1, y1), radius=s((y1 - y0) * 0.35), fill=fill)
    if tail_left:
        d.polygon(pts([(x0 + 18, y1 - 6), (x0 + 6, y1 + 18), (x0 + 40, y1 - 2)]), fill=fill)
    else:
        d.polygon(pts([(x1 - 18, y1 - 6), (x1 - 6, y1 + 18), (x1 - 40, y1 - 2)]), fill=fill)


# ---------------------------------------------------------------- scenes
def scene_welcome(rng):
    img = linear_gradient([(0, "#6d0f0f"), (0.55, "#c62828"), (1, "#ef6c3a")], 100)
    img = glow(img, W * 0.82, H * 0.86, 330, "#ffb74d", 0.65)   # sunrise, lower right
    img = bokeh(img, rng, "#ffd7c2", 34, 6, 26, 55)

    def fg(d):
        # sun disc rising over the hills
        d.ellipse(box(W * 0.82 - 70, H * 0.86 - 70, W * 0.82 + 70, H * 0.86 + 70), fill=rgba("#ffcc80", 200))
        for i in range(9):
            a = math.pi + i * math.pi / 8
            r0, r1 = 95, 150 + (i % 2) * 25
            d.line(pts([(W * 0.82 + r0 * math.cos(a), H * 0.86 + r0 * math.sin(a)),
                        (W * 0.82 + r1 * math.cos(a), H * 0.86 + r1 * math.sin(a))]),
                   fill=rgba("#ffe0b2", 110), width=s(5))
        hills(d, H * 0.86, 14, 1.3, 0.4, "#8e1b1b", 235)
        hills(d, H * 0.92, 10, 2.1, 2.0, "#5d0b0b", 255)
        shield(d, W * 0.15, H * 0.42, 150, rgba("#ffffff", 40), rgba("#ffffff", 80), rgba("#ffffff", 190))
    return overlay(img, fg)


def scene_contact(rng):
    img = linear_gradient([(0, "#0d2a6b"), (0.5, "#1565c0"), (1, "#1e4bff")], 120)
    img = glow(img, W * 0.15, H * 0.2, 300, "#64b5f6", 0.45)
    img = bokeh(img, rng, "#bbdefb", 30, 5, 22, 50)

    def fg(d):
        # phone on the left with signal arcs
        px, py = W * 0.14, H * 0.55
        d.rounded_rectangle(box(px - 62, py - 118, px + 62, py + 118), radius=s(22), fill=rgba("#0b1f4d", 200))
        d.rounded_rectangle(box(px - 52, py - 98, px + 52, py + 92), radius=s(10), fill=rgba("#90caf9", 150))
        d.ellipse(box(px - 7, py + 99, px + 7, py + 113), fill=rgba("#90caf9", 150))
        for i, r in enumerate((40, 70, 100)):
            d.arc(box(px + 40 - r, py - 140 - r, px + 40 + r, py - 140 + r), 300, 360,
                  fill=rgba("#e3f2fd", 190 - 45 * i), width=s(7))
            d.arc(box(px + 40 - r, py - 140 - r, px + 40 + r, py - 140 + r), 0, 20,
                  fill=rgba("#e3f2fd", 190 - 45 * i), width=s(7))
        # conversation on the right
        chat_bubble(d, W * 0.73, H * 0.18, W * 0.95, H * 0.32, rgba("#ffffff", 70), tail_left=False)
        chat_bubble(d, W * 0.70, H * 0.42, W * 0.90, H * 0.55, rgba("#bbdefb", 110))
        for k in range(3):
            d.ellipse(box(W * 0.755 + k * 30 - 7, H * 0.485 - 7, W * 0.755 + k * 30 + 7, H * 0.485 + 7),
                      fill=rgba("#0d47a1", 170))
        chat_bubble(d, W * 0.76, H * 0.66, W * 0.95, H * 0.78, rgba("#ffffff", 70), tail_left=False)
        # a soft wave along the bottom
        hills(d, H * 0.93, 9, 1.5, 1.1, "#0a1f5c", 200)
    return overlay(img, fg)


def scene_family(rng):
    img = linear_gradient([(0, "#0b1040"), (0.6, "#1a237e"), (1, "#3949ab")], 95)
    img = glow(img, W * 0.8, H * 0.15, 260, "#7986cb", 0.45)
    img = bokeh(img, rng, "#c5cae9", 26, 4, 16, 45)

    def fg(d):
        # rain on the left, kept away from the centre
        for _ in range(70):
            x = rng.uniform(10, W * 0.3)
            y = rng.uniform(10, H * 0.8)
            d.line(pts([(x, y), (x - 5, y + 18)]), fill=rgba("#9fa8da", rng.randint(60, 140)), width=s(2))
        hills(d, H * 0.9, 6, 1.0, 0.2, "#0a0e33", 255)
        # a house behind, an umbrella over the family on the right
        house(d, W * 0.14, H * 0.9, 150, rgba("#283593", 255), rgba("#121858", 255),
              rgba("#0a0e33", 255), rgba("#ffd54f", 210))
        ux = W * 0.8
        umbrella(d, ux, H * 0.18, 160, rgba("#e53935", 235), rgba("#e8eaf6", 220), rgba("#b71c1c", 180),
                 shaft_to=H * 0.66)
        fam = rgba("#e8eaf6", 235)
        person(d, W * 0.672, H * 0.9, 160, fam)
        person(d, W * 0.775, H * 0.9, 175, fam)
        person(d, W * 0.885, H * 0.9, 95, rgba("#ffd54f", 240))
        # the taller parent's arm holds the umbrella
        d.line(pts([(W * 0.775 + 28, H * 0.9 - 175 * 0.5), (ux, H * 0.66)]), fill=fam, width=s(13))
        d.ellipse(box(ux - 9, H * 0.66 - 9, ux + 9, H * 0.66 + 9), fill=fam)
    return overlay(img, fg)


def scene_health(rng):
    img = linear_gradient([(0, "#00403a"), (0.55, "#00796b"), (1, "#26a69a")], 110)
    img = glow(img, W * 0.82, H * 0.3, 280, "#80cbc4", 0.5)
    img = bokeh(img, rng, "#b2dfdb", 30, 5, 22, 50)

    def fg(d):
        heart(d, W * 0.83, H * 0.38, 190, rgba("#ffffff", 60))
        heart(d, W * 0.83, H * 0.38, 150, rgba("#ef5350", 215))
        cross(d, W * 0.83, H * 0.37, 62, rgba("#ffffff", 235))
        # leaves on the left
        for i, (ang, ln) in enumerate(((-2.2, 120), (-1.6, 150), (-1.0, 120), (-2.6, 90), (-0.6, 90))):
            leaf(d, W * 0.12, H * 0.72, ln, ang, rgba("#a5d6a7" if i % 2 else "#66bb6a", 200))
        d.line(pts([(W * 0.12, H * 0.72), (W * 0.12, H * 0.95)]), fill=rgba("#2e7d32", 220), width=s(6))
        # a pulse line along the bottom
        line = []
        for i in range(0, 121):
            x = W * i / 120
            y = H * 0.86
            k = i % 40
            if k == 18:
                y -= 10
            elif k == 20:
                y -= 62
            elif k == 22:
                y += 34
            elif k == 24:
                y -= 6
            line.append((x, y))
        d.line(pts(line), fill=rgba("#e0f2f1", 200), width=s(5), joint="curve")
    return overlay(img, fg)


def scene_child(rng):
    img = linear_gradient([(0, "#ff8f00"), (0.55, "#ffb300"), (1, "#ffe082")], 80)
    img = glow(img, W * 0.85, H * 0.18, 240, "#fff8e1", 0.6)
    img = bokeh(img, rng, "#fff3e0", 28, 5, 20, 60)

    def fg(d):
        # stars up left
        for _ in range(9):
            x, y = rng.uniform(30, W * 0.28), rng.uniform(30, H * 0.4)
            star(d, x, y, rng.uniform(8, 18), rgba("#fffde7", rng.randint(140, 220)))
        hills(d, H * 0.88, 10, 1.2, 1.0, "#ef6c00", 230)
        hills(d, H * 0.94, 6, 2.0, 0.0, "#e65100", 255)
        # a growing plant in a pot, lower left
        px, py = W * 0.16, H * 0.88
        d.polygon(pts([(px - 48, py - 70), (px + 48, py - 70), (px + 36, py), (px - 36, py)]),
                  fill=rgba("#bf360c", 240))
        d.rectangle(box(px - 54, py - 82, px + 54, py - 66), fill=rgba("#d84315", 250))
        d.line(pts([(px, py - 80), (px - 4, py - 170), (px + 2, py - 250)]), fill=rgba("#33691e", 240),
               width=s(7), joint="curve")
        for (dy, ang, ln) in ((150, -2.5, 70), (185, -0.6, 80), (225, -2.3, 60), (245, -0.9, 55)):
            leaf(d, px, py - dy, ln, ang, rgba("#558b2f", 240))
        # a parent and a child holding hands, lower right
        fig = rgba("#4e342e", 220)
        person(d, W * 0.78, H * 0.88, 175, fig)
        person(d, W * 0.88, H * 0.88, 100, fig)
        d.line(pts([(W * 0.80, H * 0.72), (W * 0.865, H * 0.78)]), fill=fig, width=s(9))
        # a balloon held by the child
        d.line(pts([(W * 0.9, H * 0.76), (W * 0.93, H * 0.42)]), fill=rgba("#5d4037", 200), width=s(2))
        d.ellipse(box(W * 0.93 - 34, H * 0.42 - 88, W * 0.93 + 34, H * 0.42), fill=rgba("#e53935", 230))
    return overlay(img, fg)


def scene_retirement(rng):
    img = linear_gradient([(0, "#2a0845"), (0.45, "#6a3093"), (0.8, "#e8755a"), (1, "#ffb36b")], 90)
    img = glow(img, W * 0.5, H * 0.8, 360, "#ff9e5e", 0.5)
    img = bokeh(img, rng, "#f8bbd0", 16, 3, 10, 40)

    def fg(d):
        # setting sun low on the horizon (below the text band)
        d.ellipse(box(W * 0.5 - 95, H * 0.82 - 95, W * 0.5 + 95, H * 0.82 + 95), fill=rgba("#ffd180", 215))
        for i in range(4):
            y = H * 0.8 + i * 12
            d.rectangle(box(W * 0.5 - 100, y, W * 0.5 + 100, y + 4), fill=rgba("#e8755a", 170))
        hills(d, H * 0.84, 18, 0.8, 2.4, "#4a1a5e", 235)
        hills(d, H * 0.91, 10, 1.6, 0.7, "#2a0b38", 255)
        # a couple on a bench, right
        bx, by = W * 0.8, H * 0.91
        bench = rgba("#1a0624", 255)
        d.rectangle(box(bx - 95, by - 62, bx + 95, by - 52), fill=bench)
        d.rectangle(box(bx - 95, by - 98, bx + 95, by - 88), fill=bench)
        for x in (bx - 80, bx + 80):
            d.rectangle(box(x - 5, by - 98, x + 5, by), fill=bench)
        person(d, bx - 32, by - 52, 110, bench)
        person(d, bx + 32, by - 52, 104, bench)
        # a tree, left
        tx, ty = W * 0.12, H * 0.9
        d.line(pts([(tx, ty), (tx + 6, ty - 150)]), fill=bench, width=s(14))
        for (dx, dy, r) in ((0, -190, 70), (-45, -160, 50), (50, -158, 52), (10, -235, 45)):
            d.ellipse(box(tx + dx - r, ty + dy - r, tx + dx + r, ty + dy + r), fill=rgba("#2a0b38", 245))
        # birds heading home
        for (x, y, sp) in ((0.74, 0.2, 18), (0.79, 0.15, 14), (0.83, 0.23, 12), (0.87, 0.17, 10)):
            bird(d, W * x, H * y, sp, rgba("#2a0845", 210))
    img = overlay(img, fg)
    return vignette(img, 0.25)


SCENES = {
    "welcome": scene_welcome,
    "contact": scene_contact,
    "family": scene_family,
    "health": scene_health,
    "child": scene_child,
    "retirement": scene_retirement,
}


def save(img, path, size):
    small = img.resize(size, Image.LANCZOS)
    small.save(path, "JPEG", quality=QUALITY, progressive=True, optimize=True, subsampling="4:2:0")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in SCENES.items():
        rng = random.Random(f"{SEED}-{name}")
        big = draw(rng)
        save(big, OUT / f"{name}.jpg", (W, H))
        save(big, OUT / f"{name}-480.jpg", (W // 2, H // 2))
    for f in sorted(OUT.glob("*.jpg")):
        print(f"{f.stat().st_size:>7}  {f.relative_to(OUT.parent.parent.parent)}")


if __name__ == "__main__":
    main()
