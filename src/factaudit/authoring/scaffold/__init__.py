"""Files that ``factaudit init`` writes into a new audit project (package data)."""
