from factaudit.cli import main

raise SystemExit(main())
