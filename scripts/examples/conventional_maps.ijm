// Conventional Maps for one scan, as an ImageJ macro.
//
// In Fiji: Plugins > Bragg Cloud > Macro Examples > conventional maps asks for a scan descriptor
// (scan.json) and an output folder, then writes mask.tif, maps/*.tif, maps/maps.csv and shifts.csv there.
// Headless: ImageJ -batch conventional_maps.ijm "scan=[/data/s1/scan.json] output=[/data/s1/maps]"
// The keys after run("Conventional Maps", ...) are the command's parameter names, the same as
// scripts/bragg-cloud --run "Conventional Maps" "scan='...',output='...'" uses.
setBatchMode(true);
arguments = getArgument();
scan = option(arguments, "scan");
output = option(arguments, "output");
if (scan == "") scan = File.openDialog("Scan descriptor (scan.json)");
if (output == "") output = getDirectory("Output folder for the maps");
run("Conventional Maps", "scan=[" + scan + "] output=[" + output + "] align threads=0");
print("Conventional Maps of " + scan + " written to " + output);

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
