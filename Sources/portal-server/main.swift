print("portal-server")
