#@ File (label = "Scan descriptor (scan.json)", style = "open") scan
#@ File (label = "Output folder", style = "directory") output
#@ Integer (label = "Clusters (0 = automatic)", value = 0, min = 0) clusters
#@ CommandService commands
#@output String report
# Bragg Cloud Pipeline for one scan, as a Jython script: raw scan to a defect-domain map.
#
# In Fiji: Plugins > Bragg Cloud > Jython Examples > pipeline asks for scan.json, an output
# folder and the number of domains. Headless: ImageJ --ij2 --headless --run pipeline.py
# "scan='/data/s1/scan.json',output='/data/s1/domains',clusters=0". The input keys are the
# command's parameter names, as with scripts/bragg-cloud --run "Bragg Cloud Pipeline". The
# output `report` is the path of report.html; the cluster map is the module output `cluster_map`.
from java.util import HashMap
from org.braggcloud.plugin import PipelineCommand

inputs = HashMap()
inputs.put("scan", scan)
inputs.put("output", output)
inputs.put("clusters", clusters)
inputs.put("features", "descriptors")
module = commands.run(PipelineCommand, True, inputs).get()
if module.isCanceled():
    raise RuntimeError("Bragg Cloud Pipeline: %s" % module.getCancelReason())
report = output.toPath().resolve("report.html").toString()
