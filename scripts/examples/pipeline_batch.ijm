// Bragg Cloud Pipeline for every scan in a folder, as an ImageJ macro.
//
// The input folder holds one subfolder per scan, each with its scan.json; the results of scan
// <input>/<name> go to <output>/<name>. Subfolders without scan.json are skipped.
// In Fiji: Plugins > Bragg Cloud > Macro Examples > pipeline batch asks for both folders.
// Headless: ImageJ -batch pipeline_batch.ijm "input=[/data/scans] output=[/data/domains]"
setBatchMode(true);
arguments = getArgument();
input = option(arguments, "input");
output = option(arguments, "output");
if (input == "") input = getDirectory("Folder of scans (one subfolder per scan)");
if (output == "") output = getDirectory("Output folder");
names = getFileList(input);
Array.sort(names);
done = 0;
for (i = 0; i < names.length; i++) {
	if (!endsWith(names[i], "/")) continue;
	name = substring(names[i], 0, lengthOf(names[i]) - 1);
	scan = input + File.separator + name + File.separator + "scan.json";
	if (!File.exists(scan)) continue;
	run("Bragg Cloud Pipeline", "scan=[" + scan + "] output=[" + output + File.separator + name + "] clusters=0 align features=descriptors threads=0");
	done++;
}
print("Defect domains of " + done + " scans written to " + output);

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
