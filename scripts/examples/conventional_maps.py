#@ File (label = "Scan descriptor (scan.json)", style = "open") scan
#@ File (label = "Output folder", style = "directory") output
#@ CommandService commands
#@output String maps
# Conventional Maps for one scan, as a Jython script.
#
# In Fiji: Plugins > Bragg Cloud > Jython Examples > conventional maps asks for scan.json and
# an output folder. Headless: ImageJ --ij2 --headless --run conventional_maps.py
# "scan='/data/s1/scan.json',output='/data/s1/maps'". The input keys are the command's parameter
# names, as with scripts/bragg-cloud --run "Conventional Maps". The output `maps` is the folder
# holding the map TIFFs.
from java.util import HashMap
from org.braggcloud.plugin import ConventionalMapsCommand

inputs = HashMap()
inputs.put("scan", scan)
inputs.put("output", output)
inputs.put("align", True)
module = commands.run(ConventionalMapsCommand, True, inputs).get()
if module.isCanceled():
    raise RuntimeError("Conventional Maps: %s" % module.getCancelReason())
maps = output.toPath().resolve("maps").toString()
