"""Reads layers of a GeoPackage with QGIS (its own default style from layer_styles, then the SLD of the same row)
and prints, as JSON, what QGIS draws: renderer type, class field, categories or ranges with colours, labels."""
import json
import os
import sqlite3
import sys
import tempfile

from qgis.core import QgsApplication, QgsVectorLayer


def describe(layer):
    renderer = layer.renderer()
    item = {"renderer": renderer.type()}
    if renderer.type() == "categorizedSymbol":
        item["attr"] = renderer.classAttribute()
        item["categories"] = [[c.value(), c.symbol().color().name()] for c in renderer.categories()]
    elif renderer.type() == "graduatedSymbol":
        item["attr"] = renderer.classAttribute()
        item["ranges"] = [[r.lowerValue(), r.upperValue(), r.symbol().color().name()] for r in renderer.ranges()]
    elif renderer.type() == "RuleRenderer":
        item["rules"] = [
            [rule.filterExpression(), rule.symbol().color().name() if rule.symbol() else None]
            for rule in renderer.rootRule().children()
        ]
    else:
        item["color"] = renderer.symbol().color().name()
    item["labels"] = layer.labeling().settings().fieldName if layer.labelsEnabled() and layer.labeling() else None
    return item


app = QgsApplication([], False)
app.initQgis()
path = sys.argv[1]
out = {}
with sqlite3.connect(path) as db:
    sld = dict(db.execute("SELECT f_table_name, styleSLD FROM layer_styles"))
for name in sys.argv[2:]:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    message, loaded = layer.loadDefaultStyle()
    entry = {"valid": layer.isValid(), "loaded": loaded, "message": message, "qml": describe(layer)}
    with tempfile.NamedTemporaryFile("w", suffix=".sld", delete=False) as file:
        file.write(sld[name])
    from_sld = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    message, loaded = from_sld.loadSldStyle(file.name)
    entry["sldLoaded"] = loaded
    entry["sldMessage"] = message
    entry["sld"] = describe(from_sld)
    out[name] = entry
print(json.dumps(out), flush=True)
# exitQgis() with layers still alive crashes QGIS 3.22 on the way out; the answer is already written.
os._exit(0)
