print("epuap-wizard")
