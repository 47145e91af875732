#@ File (label = "Folder of scans (one subfolder per scan)", style = "directory") input
#@ File (label = "Output folder", style = "directory") output
#@ CommandService commands
#@output int processed
# Bragg Cloud Pipeline for every scan in a folder, as a Jython script.
#
# In Fiji: Plugins > Bragg Cloud > Jython Examples > pipeline batch asks for both folders.
#
# The input folder holds one subfolder per scan, each with its scan.json; the results of scan
# <input>/<name> go to <output>/<name>. Subfolders without scan.json are skipped, and a failing
# scan stops the run with its message (earlier scans' results stay). The output `processed`
# counts the scans done.
from java.io import File
from java.util import HashMap
from org.braggcloud.plugin import PipelineCommand

processed = 0
for name in sorted(input.list()):
    scan = File(File(input, name), "scan.json")
    if not scan.isFile():
        continue
    inputs = HashMap()
    inputs.put("scan", scan)
    inputs.put("output", File(output, name))
    inputs.put("features", "descriptors")
    module = commands.run(PipelineCommand, True, inputs).get()
    if module.isCanceled():
        raise RuntimeError("Bragg Cloud Pipeline of %s: %s" % (name, module.getCancelReason()))
    processed += 1
