"""Images the build draws itself: static renders of the maps and the cards for sharing.

Pillow draws them from our own geometry and data, offline, with the typeface
installed at set-up (:mod:`builder.images.fonts`); no browser runs in the build.
"""
