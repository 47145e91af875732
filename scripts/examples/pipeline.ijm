// Bragg Cloud Pipeline for one scan, as an ImageJ macro: raw scan to a defect-domain map.
//
// In Fiji: Plugins > Bragg Cloud > Macro Examples > pipeline asks for a scan descriptor
// (scan.json) and an output folder, then writes clusters.tif, clusters.csv, maps/, clouds/,
// features.tif and report.html there (see the README for every output).
// Headless: ImageJ -batch pipeline.ijm "scan=[/data/s1/scan.json] output=[/data/s1/domains] clusters=4"
// clusters=0 (or leaving it out) lets the pipeline choose the number of domains.
// The keys after run("Bragg Cloud Pipeline", ...) are the command's parameter names, the same as
// scripts/bragg-cloud --run "Bragg Cloud Pipeline" "scan='...',output='...'" uses.
setBatchMode(true);
arguments = getArgument();
scan = option(arguments, "scan");
output = option(arguments, "output");
clusters = option(arguments, "clusters");
if (scan == "") scan = File.openDialog("Scan descriptor (scan.json)");
if (output == "") output = getDirectory("Output folder for the results");
if (clusters == "") clusters = "0";
run("Bragg Cloud Pipeline", "scan=[" + scan + "] output=[" + output + "] clusters=" + clusters + " align features=descriptors threads=0");
print("Defect domains of " + scan + " written to " + output + " (open report.html)");

// The value of key=value or key=[value with spaces] in a macro argument, "" when absent.
function option(text, key) {
	text = " " + text;
	start = indexOf(text, " " + key + "=");
	if (start < 0) return "";
	start = start + lengthOf(key) + 2;
	if (substring(text, start, start + 1) == "[") return substring(text, start + 1, indexOf(text, "]", start));
	end = indexOf(text, " ", start);
	if (end < 0) end = lengthOf(text);
	return substring(text, start, end);
}
