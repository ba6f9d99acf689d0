package answers

import "testing"

// seedSets are the question sets over the built-in articles, in
// testdata: the development set, then the held-out sets in the order they
// were written, each before the changes it measures.
var seedSets = []string{"questions", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24", "heldout25", "heldout26", "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "heldout33", "heldout34", "heldout35", "heldout36", "heldout37", "heldout38", "heldout39", "heldout40", "heldout41", "heldout42", "heldout43", "heldout44", "heldout45", "heldout46", "heldout47", "heldout48", "heldout49", "heldout50", "heldout51", "heldout52", "heldout53", "heldout54", "heldout55", "heldout56", "heldout57", "heldout58", "heldout59", "heldout60", "heldout61", "heldout62", "heldout63", "heldout64", "heldout65", "heldout66", "heldout67", "heldout68", "heldout69", "heldout70", "heldout71", "heldout72", "heldout73", "heldout74", "heldout75", "heldout76", "heldout77", "heldout78", "heldout79", "heldout80", "heldout81", "heldout82", "heldout83", "heldout84", "heldout85", "heldout86", "heldout87", "heldout88", "heldout89", "heldout90", "heldout91", "heldout92", "heldout93", "heldout94", "heldout95", "heldout96", "heldout97", "heldout98", "heldout99", "heldout100", "heldout101", "heldout102", "heldout103", "heldout104", "heldout105", "heldout106", "heldout107", "heldout108", "heldout109", "heldout110", "heldout111", "heldout112", "heldout113", "heldout114", "heldout115", "heldout116", "heldout117", "heldout118", "heldout119", "heldout120", "heldout121", "heldout122", "heldout123", "heldout124"}

// calibrationSets are the seed sets the calibration tools may weigh
// (calibrate_test.go): the ninth held-out set and later ones were written
// after the last calibration and stay out of it, to keep measuring it.
var calibrationSets = seedSets[:9]

// skipShort skips a test that asks every question set when -short is
// given: CI runs the suite with -race and -short, where these take
// minutes, and again in full without -race (.ci/run).
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("asks every question set; run without -short")
	}
}
