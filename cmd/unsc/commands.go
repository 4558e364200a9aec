//go:build !front

package main

func init() {
	commands = []command{
		councilCommand,
		membersCommand,
		decideCommand,
		importCommand,
		rebuildCommand,
		checkCommand,
		showCommand,
		vetoesCommand,
		decisionsCommand,
		positionsCommand,
		memberCommand,
		agreementCommand,
		trendsCommand,
		whatIfCommand,
		initiativeCommand,
		coverageCommand,
		syncCommand,
		serveCommand,
		casebookCommand,
		versionCommand,
		completionCommand,
		helpCommand,
		verifyCommand,
	}
}

// handOver is the front's (front.go): the whole program answers every
// command itself.
func handOver([]string) (int, bool) { return 0, false }
