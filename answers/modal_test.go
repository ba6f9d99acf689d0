package answers

import "testing"

// TestModalAnswers holds that a yes/no question opening with a modal is
// answered by the sentence saying what can or must be: "Can the toolbar
// buttons be changed?" by "the buttons … can be edited", not by the
// sentence that only says where the toolbar buttons sit.
func TestModalAnswers(t *testing.T) {
	e := articleEngine(t, "ledger", "The Bayton ledger program",
		"The toolbar buttons of the ledger sit beneath the menu bar. "+
			"The buttons of the toolbar can be edited from the settings window. "+
			"Orrin Lind wrote the first version of the ledger in 1998.")
	checkQuotes(t, e, map[string]string{
		"can the toolbar buttons be changed": "The buttons of the toolbar can be edited",
	})
}
